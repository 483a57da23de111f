import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findEntry } from '../../../lib/dev/entry';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hipchat-connect-entry-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const touch = (file: string, text = '') => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

it('takes src/index.ts, the templates\' entry, before package.json main', () => {
  touch('src/index.ts');
  touch('server.ts');
  touch('package.json', JSON.stringify({ main: 'server.ts' }));
  expect(findEntry(dir)).toBe(path.join(dir, 'src', 'index.ts'));
});

it('falls back to package.json main, then index.ts or index.js', () => {
  touch('package.json', JSON.stringify({ main: 'app/server.js' }));
  touch('app/server.js');
  touch('index.js');
  expect(findEntry(dir)).toBe(path.join(dir, 'app', 'server.js'));
  rmSync(path.join(dir, 'app'), { recursive: true });
  expect(findEntry(dir)).toBe(path.join(dir, 'index.js'));
});

it('takes --entry as given, relative to the project, and refuses one that is not there', () => {
  touch('lib/addon.ts');
  expect(findEntry(dir, 'lib/addon.ts')).toBe(path.join(dir, 'lib', 'addon.ts'));
  expect(() => findEntry(dir, 'lib/nope.ts')).toThrow(expect.objectContaining({ code: 'OPTION_INVALID', details: { option: '--entry' } }));
});

it('says what it looked for when there is nothing, even beside a broken package.json', () => {
  touch('package.json', '{ not json');
  expect(() => findEntry(dir)).toThrow(/none of src\/index\.ts, index\.ts, index\.js exists\. Pass --entry <file>/);
});
