import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from 'hipchat-connect';

const REGISTER_TS = join(__dirname, '..', '..', 'support', 'register-ts.js');

/**
 * kill -9 in the middle of a FileStore write left its temporary file beside the store for ever. The
 * next open now removes what dead writers left, and nothing a live one may still be writing.
 */
describe('a FileStore whose writer was killed with SIGKILL', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'file-kill-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const temporaries = () => readdirSync(directory).filter((name) => name.endsWith('.tmp'));

  /** Starts a writer, and once its first write is done kills it during a later one (each takes a while: 8 MB, synced). */
  async function killMidWrite(path: string): Promise<void> {
    const child = fork(join(__dirname, 'file-writer-child.ts'), [path], { execArgv: ['-r', REGISTER_TS], stdio: 'inherit' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => child.once('message', resolve));
    while (temporaries().length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    await exited;
  }

  it('leaves no temporary file behind once the store is opened again', async () => {
    const path = join(directory, 'store.json');
    // The rename may still win the race with the kill; a few tries make sure one write was cut.
    for (let attempt = 0; attempt < 3 && temporaries().length === 0; attempt++) await killMidWrite(path);
    expect(temporaries()).toHaveLength(1);

    const store = new FileStore({ path });
    await expect(store.getValue('o1', 'padding')).resolves.toMatch(/^\d+x/);
    expect(temporaries()).toEqual([]);
  });

  it('keeps the temporary file of a writer that is still alive', async () => {
    const path = join(directory, 'store.json');
    const live = `.store.json.${process.pid}.0000.tmp`;
    writeFileSync(join(directory, live), 'being written');
    await new FileStore({ path }).getValue('o1', 'k');
    expect(temporaries()).toEqual([live]);
  });
});
