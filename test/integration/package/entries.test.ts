import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The package's entries keep their parts apart: an add-on in production imports `hipchat-connect`, and
 * that must not load the emulator, which only `hipchat-connect/emulator` brings. Checked in a process
 * of its own, where require.cache holds exactly what loading the entry loaded.
 */
const root = path.join(__dirname, '..', '..', '..');
const REGISTER_TS = path.join(root, 'test', 'support', 'register-ts.js');
const run = promisify(execFile);

async function modulesLoadedBy(entry: string): Promise<string[]> {
  const script = `require(${JSON.stringify(path.join(root, entry))}); console.log(JSON.stringify(Object.keys(require.cache)));`;
  const { stdout } = await run(process.execPath, ['-r', REGISTER_TS, '-e', script], { cwd: root });
  return (JSON.parse(stdout) as string[]).map((file) => path.relative(root, file));
}

const underEmulator = (files: string[]) => files.filter((file) => file.startsWith(`lib${path.sep}emulator${path.sep}`));

it('importing the add-on API loads no module of the emulator', async () => {
  const loaded = await modulesLoadedBy('lib/index.ts');
  expect(loaded).toContain(path.join('lib', 'addon.ts'));
  expect(underEmulator(loaded)).toEqual([]);
}, 60_000);

it('the emulator entry loads the emulator', async () => {
  expect(underEmulator(await modulesLoadedBy('lib/emulator/index.ts'))).toContain(path.join('lib', 'emulator', 'index.ts'));
}, 60_000);
