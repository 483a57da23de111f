import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const MARKER = /<!-- example: (\S+) -->\n```\w+\n([\s\S]*?)```/g;

/**
 * A docs page marks a code block as `<!-- example: test/examples/x.ts -->`: the block must be that file,
 * which `npm run typecheck` checks, with the package's own name in its imports.
 */
const examples = readdirSync(path.join(root, 'docs')).flatMap((page) =>
  [...readFileSync(path.join(root, 'docs', page), 'utf8').matchAll(MARKER)].map((match) => [page, match[1]!, match[2]!] as const));

it('finds the examples the docs mark', () => {
  expect(examples.length).toBeGreaterThanOrEqual(6);
});

it.each(examples)('%s shows %s as it is', (_page, file, shown) => {
  const source = readFileSync(path.join(root, file), 'utf8').replace(/'\.\.\/\.\.\/lib(\/testing)?'/g, (_match, testing: string | undefined) => `'hipchat-connect${testing ?? ''}'`);
  expect(shown).toBe(source);
});
