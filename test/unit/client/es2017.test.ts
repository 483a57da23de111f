import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';

const file = path.join(__dirname, '..', '..', '..', 'lib', 'client', 'hipchat-connect.js');

// Pages load the helper as it is, with no build step: it must stay plain ES2017 for the browsers HipChat served.
it('lib/client/hipchat-connect.js is plain ES2017', () => {
  expect(() => parse(readFileSync(file, 'utf8'), { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
});

it('is small', () => {
  expect(readFileSync(file).length).toBeLessThan(8 * 1024);
});
