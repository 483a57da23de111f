import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');

/**
 * A docs page may say that its next code block is a test file of the repository (`<!-- example: path -->`);
 * the block must then be that file, with the package's names in the imports. The file runs with the
 * other tests, so the example in the docs is known to work.
 */
function examplesIn(page: string): Array<{ file: string; block: string }> {
  const text = readFileSync(path.join(root, page), 'utf8');
  return [...text.matchAll(/<!-- example: (\S+) -->\s*```ts\n([\s\S]*?)```/g)].map((match) => ({ file: match[1]!, block: match[2]! }));
}

function asPublished(source: string): string {
  return source.replace(/'(?:\.\.\/)+lib\/testing'/g, "'hipchat-connect/testing'").replace(/'(?:\.\.\/)+lib'/g, "'hipchat-connect'");
}

describe.each(['docs/emulator.md'])('the examples of %s', (page) => {
  const examples = examplesIn(page);

  it('has at least one', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [example.file, example.block]))('shows %s as it is', (file, block) => {
    expect(block).toBe(asPublished(readFileSync(path.join(root, file), 'utf8')));
  });
});
