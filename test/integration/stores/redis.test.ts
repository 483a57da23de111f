import Redis from 'ioredis';
import { isConnectError, RedisStore, silentLogger } from 'hipchat-connect';
import { describeStoreContract, makeInstallation } from '../../contract/store-contract';
import { connectTestRedis, type TestRedis } from '../../support/redis';

describeStoreContract('RedisStore', async () => {
  const { redis, prefix, cleanup } = connectTestRedis();
  const store = new RedisStore(redis, { prefix, logger: silentLogger });
  return { store, cleanup: () => store.close().then(cleanup) };
});

/** Every key under the test's own prefix; SCAN is only for tests, the store never scans. */
async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const keys of redis.scanStream({ match: `${prefix}*` }) as AsyncIterable<string[]>) found.push(...keys);
  return found.sort();
}

/** Resolves with the next oauthIds a listener hears, or what it heard when time ran out. */
function collect(count: number, within = 2000) {
  const heard: string[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, within);
    done = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const listener = (oauthId: string) => {
    heard.push(oauthId);
    if (heard.length >= count) done();
  };
  return { listener, heard: finished.then(() => heard) };
}

describe('RedisStore on Redis', () => {
  let test: TestRedis;
  let store: RedisStore;

  beforeEach(() => {
    test = connectTestRedis();
    store = new RedisStore(test.redis, { prefix: test.prefix, logger: silentLogger });
  });
  afterEach(async () => {
    await store.close();
    await test.cleanup();
  });

  it('puts every key of an installation under the prefix and one hash tag', async () => {
    const installation = makeInstallation();
    await store.storeInstallation(installation);
    await store.setValue(installation.oauthId, 'token:a b', 'v', { ttlMs: 60_000 });
    const tag = `${test.prefix}{${installation.oauthId}}:`;
    expect(await keysUnder(test.redis, test.prefix)).toEqual([`${tag}installation`, `${tag}keys`, `${tag}v:token:a b`]);
    expect(await test.redis.pttl(`${tag}v:token:a b`)).toBeGreaterThan(59_000);
  });

  it('leaves no key of an installation behind after deleting it, expired value names included', async () => {
    const doomed = makeInstallation();
    const kept = makeInstallation();
    for (const { oauthId } of [doomed, kept]) {
      await store.storeInstallation({ ...doomed, oauthId });
      await store.setValue(oauthId, 'settings', 'v');
      await store.setValue(oauthId, 'expiring', 'v', { ttlMs: 50 });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await store.deleteInstallation(doomed.oauthId);
    const left = await keysUnder(test.redis, test.prefix);
    expect(left.filter((key) => key.includes(doomed.oauthId))).toEqual([]);
    expect(left.filter((key) => key.includes(kept.oauthId))).toHaveLength(3);
  });

  it('honours a client keyPrefix: the purge finds values under it', async () => {
    const prefixed = new Redis(process.env.REDIS_URL ?? '', { keyPrefix: `${test.prefix}client:` });
    const onPrefixed = new RedisStore(prefixed, { prefix: 'store:', logger: silentLogger });
    try {
      await onPrefixed.storeInstallation(makeInstallation({ oauthId: 'p1' }));
      await onPrefixed.setValue('p1', 'key', 'v');
      expect(await keysUnder(test.redis, `${test.prefix}client:store:{p1}`)).toHaveLength(3);
      await onPrefixed.deleteInstallation('p1');
      expect(await keysUnder(test.redis, test.prefix)).toEqual([]);
    } finally {
      await prefixed.quit();
    }
  });

  it('reports a damaged installation record instead of treating it as absent', async () => {
    await test.redis.set(`${test.prefix}{broken}:installation`, '{"oauthId":"broken"');
    const failure = await store.fetchInstallation('broken').catch((error: unknown) => error);
    expect(isConnectError(failure, 'STORE_UNAVAILABLE')).toBe(true);
  });

  it('tells another store instance (another process) when an installation changes or goes', async () => {
    const otherProcess = connectTestRedis();
    const other = new RedisStore(otherProcess.redis, { prefix: test.prefix, logger: silentLogger });
    const { listener, heard } = collect(2);
    const unsubscribe = await other.onInstallationChange(listener);
    try {
      const installation = makeInstallation();
      await store.storeInstallation(installation);
      await store.deleteInstallation(installation.oauthId);
      await expect(heard).resolves.toEqual([installation.oauthId, installation.oauthId]);
    } finally {
      await unsubscribe();
      await other.close();
      await otherProcess.cleanup();
    }
  });

  it('stops telling after unsubscribing, and hears nothing from a store with another prefix', async () => {
    const { listener, heard } = collect(1, 300);
    const unsubscribe = await store.onInstallationChange(listener);
    const elsewhere = new RedisStore(test.redis, { prefix: `${test.prefix}elsewhere:`, logger: silentLogger });
    await elsewhere.storeInstallation(makeInstallation());
    await unsubscribe();
    await store.storeInstallation(makeInstallation());
    await expect(heard).resolves.toEqual([]);
  });

  it('serves many calls made while its client is still connecting, without piling up listeners', async () => {
    const lazy = new Redis(process.env.REDIS_URL ?? '', { lazyConnect: true });
    const onLazy = new RedisStore(lazy, { prefix: test.prefix, logger: silentLogger });
    const warn = jest.spyOn(process, 'emitWarning');
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => onLazy.getValue('o1', 'absent')));
      expect(answers).toEqual(Array(50).fill(undefined));
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      await lazy.quit();
    }
  });

  it('closes only the connections it opened', async () => {
    await store.onInstallationChange(() => undefined);
    await store.close();
    expect(test.redis.status).toBe('ready');
    await expect(test.redis.ping()).resolves.toBe('PONG');
  });

  it('refuses options that make no sense, naming them', () => {
    expect(() => new RedisStore(test.redis, { operationTimeoutMs: 0 })).toThrow('options.operationTimeoutMs');
    expect(() => new RedisStore('redis://localhost' as unknown as Redis)).toThrow('options.redis');
  });
});
