import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';

const file = path.join(__dirname, '..', '..', '..', '..', 'lib', 'emulator', 'ui', 'all.js');

// Add-on pages load the host's API with a plain <script src>, as they loaded HipChat's: a classic script in ES2017.
it('lib/emulator/ui/all.js is a plain ES2017 script', () => {
  expect(() => parse(readFileSync(file, 'utf8'), { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
});
