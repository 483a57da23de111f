import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkRedos } from '../../../../lib/core/webhook/redos-check';

/**
 * The templates are what users start from, so their webhook patterns must pass the ReDoS check a user's
 * add-on runs at start-up (their own tests run with NODE_ENV=test, where that check is off).
 */
const templates = path.join(__dirname, '..', '..', '..', '..', 'templates');

function patternsIn(folder: string): RegExp[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.includes('node_modules'))
    .flatMap((file) => [...readFileSync(path.join(folder, file), 'utf8').matchAll(/pattern: \/((?:\\.|[^/\n])+)\/([a-z]*)/g)])
    .map(([, source, flags]) => new RegExp(source!, flags));
}

const patterns = patternsIn(templates);

it('finds the templates\' patterns', () => {
  expect(patterns.length).toBeGreaterThanOrEqual(2);
});

it.each(patterns.map((pattern) => [String(pattern), pattern] as const))('%s cannot backtrack for super-linear time', async (_name, pattern) => {
  expect(await checkRedos(pattern)).toMatchObject({ status: 'safe' });
}, 60_000);
