import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAddon, EncryptedStore, FileStore, isConnectError, MemoryStore, SecretKeyring, type Logger } from 'hipchat-connect';
import { keyringFrom, sealedKeyId } from '../../../lib/stores/secret-keys';
import { describeStoreContract, makeInstallation } from '../../contract/store-contract';

const newKey = () => randomBytes(32).toString('base64');
const failureOf = (run: () => unknown) => Promise.resolve().then(run).then(() => undefined, (error: unknown) => error);

describeStoreContract('EncryptedStore over MemoryStore', async () => {
  let now = Date.now();
  return {
    store: new EncryptedStore(new MemoryStore({ now: () => now }), new SecretKeyring([newKey()])),
    cleanup: async () => undefined,
    advance: async (ms) => {
      now += ms;
    },
  };
});

describe('EncryptedStore', () => {
  const first = newKey();
  const second = newKey();
  let inner: MemoryStore;
  beforeEach(() => {
    inner = new MemoryStore();
  });

  it('hands the inner store no secret in plain text, and names the key in each value', async () => {
    const keyring = new SecretKeyring([first]);
    const store = new EncryptedStore(inner, keyring);
    const installation = makeInstallation();
    await store.storeInstallation(installation);
    await store.setValue(installation.oauthId, 'token:*', 'access-token-value');

    const raw = (await inner.fetchInstallation(installation.oauthId))!;
    expect(raw.oauthSecret).not.toContain(installation.oauthSecret);
    expect(sealedKeyId(raw.oauthSecret)).toBe(keyring.currentId);
    expect({ ...raw, oauthSecret: installation.oauthSecret }).toEqual(installation); // only the secret changes
    const rawToken = (await inner.getValue(installation.oauthId, 'token:*'))!;
    expect(rawToken).not.toContain('access-token-value');
    expect(sealedKeyId(rawToken)).toBe(keyring.currentId);
    await expect(store.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
    await expect(store.getValue(installation.oauthId, 'token:*')).resolves.toBe('access-token-value');
  });

  it('reads what an older key sealed, and seals with the first key', async () => {
    const installation = makeInstallation();
    await new EncryptedStore(inner, new SecretKeyring([second])).storeInstallation(installation);
    const both = new SecretKeyring([first, second]);
    const store = new EncryptedStore(inner, both);
    await expect(store.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
    await store.setValue(installation.oauthId, 'k', 'v');
    expect(both.isCurrent((await inner.getValue(installation.oauthId, 'k'))!)).toBe(true);
  });

  it('reads plain text written before a key was given', async () => {
    const installation = makeInstallation();
    await inner.storeInstallation(installation);
    await inner.setValue(installation.oauthId, 'k', 'plain');
    const store = new EncryptedStore(inner, new SecretKeyring([first]));
    await expect(store.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
    await expect(store.getValue(installation.oauthId, 'k')).resolves.toBe('plain');
  });

  it('refuses a record sealed with a key it lacks, naming the key id, rather than calling it absent', async () => {
    const installation = makeInstallation();
    const old = new SecretKeyring([second]);
    await new EncryptedStore(inner, old).storeInstallation(installation);
    const failure = await failureOf(() => new EncryptedStore(inner, new SecretKeyring([first])).fetchInstallation(installation.oauthId));
    expect(isConnectError(failure, 'SECRET_KEY_UNKNOWN')).toBe(true);
    expect((failure as Error).message).toContain(old.currentId);
    expect((failure as { details: Record<string, unknown> }).details.keyId).toBe(old.currentId);
  });

  it('refuses a changed ciphertext, and one moved to another installation, naming the key id', async () => {
    const keyring = new SecretKeyring([first]);
    const store = new EncryptedStore(inner, keyring);
    const [victim, attacker] = [makeInstallation(), makeInstallation()];
    await store.storeInstallation(victim);
    await store.storeInstallation(attacker);
    const sealed = (await inner.fetchInstallation(attacker.oauthId))!.oauthSecret;
    await inner.storeInstallation({ ...victim, oauthSecret: sealed });
    const moved = await failureOf(() => store.fetchInstallation(victim.oauthId));
    expect(isConnectError(moved, 'SECRET_UNREADABLE')).toBe(true);
    expect((moved as Error).message).toContain(keyring.currentId);

    // One bit of the ciphertext changed; changing the text's last characters could leave the bytes as they were.
    const [ciphertext = ''] = sealed.split(':').slice(-1);
    const bytes = Buffer.from(ciphertext, 'base64url');
    bytes[0]! ^= 1;
    const flipped = `${sealed.slice(0, -ciphertext.length)}${bytes.toString('base64url')}`;
    await inner.storeInstallation({ ...attacker, oauthSecret: flipped });
    expect(isConnectError(await failureOf(() => store.fetchInstallation(attacker.oauthId)), 'SECRET_UNREADABLE')).toBe(true);
    await inner.setValue(attacker.oauthId, 'k', 'enc:v1:damaged');
    expect(isConnectError(await failureOf(() => store.getValue(attacker.oauthId, 'k')), 'SECRET_UNREADABLE')).toBe(true);
  });

  it('deletes with ifValue only when the opened value matches, though each seal differs', async () => {
    const store = new EncryptedStore(inner, new SecretKeyring([first]));
    await store.setValue('o1', 'lock', 'mine');
    await store.deleteValue('o1', 'lock', 'theirs');
    await expect(store.getValue('o1', 'lock')).resolves.toBe('mine');
    await store.deleteValue('o1', 'lock', 'mine');
    await expect(store.getValue('o1', 'lock')).resolves.toBeUndefined();
  });
});

describe('secret keys', () => {
  it('refuses a key that is not 32 bytes of base64, naming the option or the variable', () => {
    expect(() => new SecretKeyring([newKey(), 'c2hvcnQ='])).toThrow('options.secretKeys[1]');
    expect(() => new SecretKeyring([])).toThrow('options.secretKeys');
    expect(() => keyringFrom(undefined, { HIPCHAT_CONNECT_SECRET_KEY: `${newKey()},not base64!` })).toThrow('HIPCHAT_CONNECT_SECRET_KEY[1]');
  });

  it('takes several comma-separated keys from HIPCHAT_CONNECT_SECRET_KEY, the first sealing', () => {
    const [a, b] = [newKey(), newKey()];
    const keyring = keyringFrom(undefined, { HIPCHAT_CONNECT_SECRET_KEY: ` ${a} , ${b}` })!;
    expect(keyring.currentId).toBe(new SecretKeyring([a]).currentId);
    expect(keyring.open(new SecretKeyring([b]).seal('x', 'c'), 'c')).toBe('x');
    expect(keyringFrom(undefined, {})).toBeUndefined();
  });
});

describe('createAddon with secret keys', () => {
  const base = { key: 'com.example.secrets', name: 'Secrets', description: 'Secrets at rest' };
  const warnings = () => {
    const seen: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (_fields, message) => void seen.push(message), error() {} };
    return { logger, seen };
  };
  let nodeEnv: string | undefined;
  beforeEach(() => {
    nodeEnv = process.env.NODE_ENV;
  });
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('gives addon.store the encrypting wrapper, so what the add-on writes is ciphertext', async () => {
    const inner = new MemoryStore();
    const addon = createAddon({ ...base, store: inner, secretKeys: [newKey()] });
    await addon.store.setValue('o1', 'settings', '{"units":"metric"}');
    expect(await inner.getValue('o1', 'settings')).toMatch(/^enc:v1:/);
    await addon.close();
  });

  it('warns once in production when a persistent store has no key, and not with a key or a MemoryStore', async () => {
    process.env.NODE_ENV = 'production';
    const plain = warnings();
    // Never written to: the add-on only reads its store when a request comes.
    const persistent = new FileStore({ path: join(tmpdir(), `never-written-${process.pid}.json`) });
    await createAddon({ ...base, store: persistent, logger: plain.logger }).close();
    expect(plain.seen.filter((message) => message.includes('HIPCHAT_CONNECT_SECRET_KEY'))).toHaveLength(1);

    const keyed = warnings();
    await createAddon({ ...base, store: new MemoryStore(), secretKeys: [newKey()], logger: keyed.logger }).close();
    await createAddon({ ...base, store: new MemoryStore(), logger: keyed.logger }).close();
    expect(keyed.seen.filter((message) => message.includes('HIPCHAT_CONNECT_SECRET_KEY'))).toEqual([]);
  });
});
