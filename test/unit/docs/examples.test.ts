import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');

/**
 * A docs page may say that its next code block is a file of the repository (`<!-- example: path -->`);
 * the block must then be that file as it is: examples import the package by name, as a reader does. The
 * file is type-checked (and a test file runs with the other tests), so the example in the docs is known
 * to work.
 */
const examples = readdirSync(path.join(root, 'docs')).filter((page) => page.endsWith('.md')).flatMap((page) =>
  [...readFileSync(path.join(root, 'docs', page), 'utf8').matchAll(/<!-- example: (\S+) -->\s*```\w+\n([\s\S]*?)```/g)]
    .map((match) => [page, match[1]!, match[2]!] as const));

it('finds the examples the docs mark', () => {
  expect(examples.length).toBeGreaterThanOrEqual(7);
});

it.each(examples)('%s shows %s as it is', (_page, file, shown) => {
  expect(shown).toBe(readFileSync(path.join(root, file), 'utf8'));
});

it('shows every file of test/examples on some page', () => {
  const shown = new Set(examples.map(([, file]) => file));
  const files = readdirSync(path.join(root, 'test', 'examples'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  expect(files.filter((file) => !shown.has(file))).toEqual([]);
});

it('handles ioredis\'s error event in every example that makes an ioredis client', () => {
  const blocks = [root, path.join(root, 'docs')].flatMap((folder) => readdirSync(folder).filter((file) => file.endsWith('.md')).map((file) => path.join(folder, file)))
    .flatMap((page) => [...readFileSync(page, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => [path.relative(root, page), match[1]!] as const));
  const makers = blocks.filter(([, code]) => /new Redis(?:\.Cluster)?\(/.test(code));
  expect(makers.length).toBeGreaterThan(0);
  expect(makers.filter(([, code]) => !/\.on\('error'/.test(code)).map(([page]) => page)).toEqual([]);
});
