import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore, isConnectError } from 'hipchat-connect';
import { describeStoreContract, makeInstallation } from '../../contract/store-contract';

async function temporaryDirectory(): Promise<{ directory: string; remove(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'hipchat-connect-file-store-'));
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

describeStoreContract('FileStore', async () => {
  const { directory, remove } = await temporaryDirectory();
  let now = Date.now();
  return {
    store: new FileStore({ path: join(directory, 'store.json'), now: () => now }),
    cleanup: remove,
    advance: async (ms) => {
      now += ms;
    },
  };
});

describe('FileStore on disk', () => {
  let directory: string;
  let remove: () => Promise<void>;
  let path: string;
  const onDisk = async () => JSON.parse(await readFile(path, 'utf8')) as { values: Record<string, Record<string, unknown>> };

  beforeEach(async () => {
    ({ directory, remove } = await temporaryDirectory());
    path = join(directory, 'nested', 'store.json');
  });
  afterEach(() => remove());

  it('defaults to .hipchat-connect/store.json under the working directory', () => {
    expect(new FileStore().path).toBe(join(process.cwd(), '.hipchat-connect', 'store.json'));
  });

  it('keeps installations and values across a restart', async () => {
    const installation = makeInstallation({ roomId: 9 });
    const before = new FileStore({ path });
    await before.storeInstallation(installation);
    await before.setValue(installation.oauthId, 'token', 'abc', { ttlMs: 60_000 });

    const after = new FileStore({ path });
    await expect(after.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
    await expect(after.getValue(installation.oauthId, 'token')).resolves.toBe('abc');
  });

  it('keeps TTLs across a restart, and leaves expired values out of the file', async () => {
    let now = 1_000_000;
    const store = new FileStore({ path, now: () => now });
    await store.setValue('o1', 'short', 'v', { ttlMs: 100 });
    await store.setValue('o1', 'long', 'v', { ttlMs: 10_000 });
    now += 500;
    await expect(new FileStore({ path, now: () => now }).getValue('o1', 'short')).resolves.toBeUndefined();
    await store.setValue('o2', 'unrelated', 'v');
    expect(Object.keys((await onDisk()).values.o1 ?? {})).toEqual(['long']);
  });

  it('has every change on disk when its promise resolves, through many concurrent writes', async () => {
    const store = new FileStore({ path });
    const keys = Array.from({ length: 200 }, (_, index) => `key-${index}`);
    await Promise.all(
      keys.map(async (key) => {
        await store.setValue('o1', key, key);
        expect((await onDisk()).values.o1?.[key]).toEqual({ value: key });
      }),
    );
    expect(Object.keys((await onDisk()).values.o1 ?? {})).toHaveLength(200);
  });

  it('never leaves a partial file: a reader racing the writes always finds whole JSON', async () => {
    const store = new FileStore({ path });
    await store.setValue('o1', 'seed', 'v');
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        JSON.parse(await readFile(path, 'utf8')); // throws, failing the test, on a torn file
        reads += 1;
      }
    })();
    await Promise.all(Array.from({ length: 300 }, (_, index) => store.setValue('o1', `k${index}`, 'x'.repeat(500))));
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(await readdir(join(directory, 'nested'))).toEqual(['store.json']); // no temporary files left
  });

  it('replaces the file by renaming a new one over it, never rewriting it in place', async () => {
    const store = new FileStore({ path });
    await store.setValue('o1', 'a', 'v');
    const before = await stat(path);
    await store.setValue('o1', 'b', 'v');
    expect((await stat(path)).ino).not.toBe(before.ino);
  });

  it('finishes the writes under way before close() resolves', async () => {
    const store = new FileStore({ path });
    const writes = Array.from({ length: 20 }, (_, index) => store.setValue('o1', `k${index}`, 'v'));
    await store.close();
    expect(Object.keys((await onDisk()).values.o1 ?? {})).toHaveLength(20);
    await Promise.all(writes);
  });

  (process.platform === 'win32' ? it.skip : it)('writes the file readable by its owner only (mode 0600)', async () => {
    await new FileStore({ path }).storeInstallation(makeInstallation());
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('reports a corrupt file by its path, leaves it untouched, and recovers once it is repaired', async () => {
    await new FileStore({ path }).setValue('o1', 'key', 'kept');
    const good = await readFile(path, 'utf8');
    await writeFile(path, good.slice(0, 20));
    const store = new FileStore({ path });

    const failure = await store.setValue('o1', 'other', 'v').catch((error: unknown) => error);
    expect(isConnectError(failure, 'STORE_UNAVAILABLE')).toBe(true);
    expect((failure as Error).message).toContain(path);
    expect(await readFile(path, 'utf8')).toBe(good.slice(0, 20));

    await writeFile(path, good);
    await expect(store.getValue('o1', 'key')).resolves.toBe('kept');
  });

  it.each([
    ['not a store', '{"hello":"world"}'],
    ['a damaged installation', JSON.stringify({ version: 1, installations: { a: { oauthId: 'a' } }, values: {} })],
    ['a damaged value', JSON.stringify({ version: 1, installations: {}, values: { a: { k: { value: 1 } } } })],
  ])('refuses a file holding %s', async (_, content) => {
    await new FileStore({ path }).setValue('o1', 'seed', 'v'); // creates the directory
    await writeFile(path, content);
    const failure = await new FileStore({ path }).fetchInstallation('a').catch((error: unknown) => error);
    expect(isConnectError(failure, 'STORE_UNAVAILABLE')).toBe(true);
    expect((failure as Error).message).toContain(path);
  });

  it('turns a failed write into STORE_UNAVAILABLE', async () => {
    await writeFile(join(directory, 'a-file'), '');
    const store = new FileStore({ path: join(directory, 'a-file', 'store.json') });
    const failure = await store.storeInstallation(makeInstallation()).catch((error: unknown) => error);
    expect(isConnectError(failure, 'STORE_UNAVAILABLE')).toBe(true);
  });
});
