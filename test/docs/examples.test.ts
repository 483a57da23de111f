import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** Code blocks in docs/ whose first line names a file here: `// test/docs/weather-addon.ts`. */
function examples(): Array<[string, string, string]> {
  return readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).flatMap((page) => {
    const text = readFileSync(path.join(root, 'docs', page), 'utf8');
    return [...text.matchAll(/```ts\n\/\/ (test\/docs\/[\w.-]+)\n([\s\S]*?)```/g)].map((match) => [page, match[1]!, match[2]!] as [string, string, string]);
  });
}

// The pages show these files whole; the files are type-checked and run, so the pages' examples work.
it.each(examples())('%s shows %s as it is', (_page, file, shown) => {
  expect(shown).toBe(readFileSync(path.join(root, file), 'utf8'));
});

it('shows every example in test/docs on some page', () => {
  const shown = new Set(examples().map(([, file]) => file));
  const files = readdirSync(__dirname).filter((file) => file !== path.basename(__filename)).map((file) => `test/docs/${file}`);
  expect(files.filter((file) => !shown.has(file))).toEqual([]);
});
