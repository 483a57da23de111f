import Redis, { type RedisOptions } from 'ioredis';
import { isConnectError, RedisStore, silentLogger } from 'hipchat-connect';
import { makeInstallation } from '../../contract/store-contract';
import { startOwnRedis, type OwnRedis } from '../../support/redis';

/**
 * Redis going away and coming back, on a redis-server of this file's own. The store must answer
 * STORE_UNAVAILABLE quickly while Redis is gone, whatever options the user made the client with, and
 * work again once ioredis has reconnected, with no new store or client.
 */
let server: OwnRedis;
const clients: Redis[] = [];

beforeAll(async () => {
  server = await startOwnRedis();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server.kill();
});

function clientWith(options: RedisOptions = {}): Redis {
  const client = new Redis(server.url, options);
  client.on('error', () => undefined); // the outage is the point of these tests
  clients.push(client);
  return client;
}

/** Runs `call`, expecting STORE_UNAVAILABLE; returns how long the answer took. */
async function timeUnavailable(call: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  const failure = await call().then(() => 'resolved', (error: unknown) => error);
  expect(isConnectError(failure, 'STORE_UNAVAILABLE')).toBe(true);
  return Date.now() - started;
}

/** Polls until the store answers again; returns how long that took. */
async function timeRecovery(store: RedisStore): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await store.getValue('o1', 'probe');
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > 10_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Stores one installation again and again until its change notice is heard, or the time is up; returns its oauthId. */
async function publishUntilHeard(publisher: RedisStore, heard: string[], timeoutMs: number): Promise<string> {
  const installation = makeInstallation();
  const deadline = Date.now() + timeoutMs;
  while (!heard.includes(installation.oauthId) && Date.now() < deadline) {
    await publisher.storeInstallation(installation);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return installation.oauthId;
}

describe.each<[string, RedisOptions]>([
  ['default options', {}],
  ['maxRetriesPerRequest: null (commands would wait forever)', { maxRetriesPerRequest: null }],
  ['enableOfflineQueue: false', { enableOfflineQueue: false }],
  ['lazyConnect: true', { lazyConnect: true }],
])('RedisStore when Redis stops and starts again, client made with %s', (_, options) => {
  it('fails every operation fast while Redis is down and recovers by itself', async () => {
    const store = new RedisStore(clientWith(options), { logger: silentLogger, prefix: `outage:${Math.random()}:` });
    const installation = makeInstallation();
    await store.storeInstallation(installation);

    await server.stop();
    const { oauthId } = installation;
    const timings = [
      await timeUnavailable(() => store.fetchInstallation(oauthId)),
      await timeUnavailable(() => store.storeInstallation(installation)),
      await timeUnavailable(() => store.deleteInstallation(oauthId)),
      await timeUnavailable(() => store.getValue(oauthId, 'key')),
      await timeUnavailable(() => store.setValue(oauthId, 'key', 'v', { ifAbsent: true })),
      await timeUnavailable(() => store.deleteValue(oauthId, 'key', 'v')),
    ];
    for (const elapsed of timings) expect(elapsed).toBeLessThan(3000);

    await server.start();
    expect(await timeRecovery(store)).toBeLessThan(5000);
    await store.storeInstallation(installation);
    await expect(store.fetchInstallation(oauthId)).resolves.toEqual(installation);
    await store.close();
  });
});

describe('RedisStore and a Redis that hangs or was never there', () => {
  it('gives up on a call Redis does not answer after operationTimeoutMs, and works once Redis answers', async () => {
    const store = new RedisStore(clientWith(), { logger: silentLogger, operationTimeoutMs: 300 });
    await store.setValue('o1', 'key', 'before');
    server.pause();
    try {
      const elapsed = await timeUnavailable(() => store.getValue('o1', 'key'));
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      server.resume();
    }
    await expect(store.getValue('o1', 'key')).resolves.toBe('before');
  });

  it('fails fast when Redis is down from the start, and serves once it comes up', async () => {
    await server.stop();
    const store = new RedisStore(clientWith(), { logger: silentLogger });
    expect(await timeUnavailable(() => store.getValue('o1', 'key'))).toBeLessThan(3000);
    await server.start();
    expect(await timeRecovery(store)).toBeLessThan(5000);
  });

  it('keeps delivering installation changes after Redis restarted', async () => {
    const publisher = new RedisStore(clientWith(), { logger: silentLogger, prefix: 'restart:' });
    const listening = new RedisStore(clientWith(), { logger: silentLogger, prefix: 'restart:' });
    const heard: string[] = [];
    await listening.onInstallationChange((oauthId) => heard.push(oauthId));

    await server.stop();
    await server.start();
    await timeRecovery(publisher);
    // Resubscribing happens on the listener's own connection; give it until the notice arrives.
    expect(heard).toContain(await publishUntilHeard(publisher, heard, 5000));
    await listening.close();
  });

  it.each([
    ['down', () => server.stop(), () => server.start()],
    ['hanging', async () => server.pause(), async () => server.resume()],
  ])('subscribes to installation changes once Redis answers, when it was %s at start', async (_state, outage, recovery) => {
    await outage();
    const said: string[] = [];
    const logger = { ...silentLogger, warn: (_: object, message: string) => said.push(message), info: (_: object, message: string) => said.push(message) };
    const listening = new RedisStore(clientWith(), { logger, prefix: 'late:', operationTimeoutMs: 300 });
    const heard: string[] = [];
    await listening.onInstallationChange((oauthId) => heard.push(oauthId));
    expect(said).toContain('installation change feed not subscribed yet; relying on cache expiry until it is');

    await recovery();
    const publisher = new RedisStore(clientWith(), { logger: silentLogger, prefix: 'late:' });
    await timeRecovery(publisher);
    expect(heard).toContain(await publishUntilHeard(publisher, heard, 10_000));
    expect(said).toContain('installation change feed subscribed');
    await listening.close();
  });
});
