import { setTimeout as delay } from 'node:timers/promises';
import Redis from 'ioredis';
import request from 'supertest';
import { RedisStore, silentLogger, type Installation } from 'hipchat-connect';
import { changeChannel } from '../../../lib/stores/redis-layout';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { redisStore, startStack, type Stack } from '../../support/stack';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { waitFor } from '../../support/wait-for';

/**
 * Two add-on processes on one Redis, B's connections through a proxy the test can cut: B's change feed
 * goes down while A carries on and uninstalls, so B never hears of it. B must stop accepting the
 * installation within seconds all the same: at once when its feed is back, and after `feedDownTtlMs`
 * while it stays down. Before, B accepted it until its 5-minute cache entry expired.
 */
describe('the installation cache when change notices are missed', () => {
  let redis: TestRedis;
  let proxy: TcpProxy;
  let a: Stack;
  const others: Stack[] = [];
  const clients: Redis[] = [];

  beforeAll(async () => {
    redis = connectTestRedis();
    proxy = await startTcpProxy(Number(new URL(process.env.REDIS_URL!).port || 6379));
    a = await startStack({ store: redisStore(redis.redis, redis.prefix) });
  });
  afterAll(async () => {
    for (const stack of [a, ...others]) await stack.close();
    for (const client of clients) client.disconnect();
    await proxy.close();
    await redis.cleanup();
  });
  afterEach(() => proxy.restore());

  /** Process B: the same prefix, a connection of its own through the proxy. */
  async function startB(feedDownTtlMs: number): Promise<Stack> {
    const client = new Redis(proxy.url, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    client.on('error', () => undefined); // the cut is the point
    clients.push(client);
    const b = await startStack({ store: redisStore(client, redis.prefix), cache: { feedDownTtlMs } });
    others.push(b);
    await waitFor(async () => (await subscribers()) >= 1 + others.length);
    return b;
  }

  const subscribers = async () => Number(((await redis.redis.pubsub('NUMSUB', changeChannel(redis.prefix))) as [string, number])[1]);

  /**
   * Installed through A, and cached by B: B answers a webhook from memory, with no store read. The
   * install's own change notice drops B's entry if it reaches B after B first read the installation (a
   * loaded machine can deliver it that late), so one answered webhook does not prove the entry is held.
   */
  async function installedAndCachedBy(b: Stack): Promise<Installation> {
    const { oauthId } = await a.emulator.install({ descriptorUrl: a.descriptorUrl, roomId: a.emulator.rooms[0]!.id });
    const installation = (await a.store.fetchInstallation(oauthId))!;
    await waitFor(async () => {
      const { misses } = b.addon.stats().installationCache;
      expect((await webhookTo(b, installation)).status).toBe(200);
      return b.addon.stats().installationCache.misses === misses;
    });
    return installation;
  }

  // The host no longer signs for an uninstalled installation: B is sent what a replayed host token looks like.
  const webhookTo = (stack: Stack, installation: Installation) => request(stack.served.url).post('/webhooks/weather')
    .set('authorization', `JWT ${hostToken(installation)}`).send(roomMessagePayload(installation.oauthId, '/weather Oslo'));

  it('drops every cached entry when the feed is subscribed again, so a missed uninstall counts at once', async () => {
    const b = await startB(60_000); // far longer than the test: only the resubscription can explain a refusal
    const installation = await installedAndCachedBy(b);

    await proxy.cut();
    expect((await a.emulator.uninstall(installation.oauthId)).status).toBe(204);
    expect((await webhookTo(b, installation)).status).toBe(200); // still cached: B cannot know yet
    await proxy.restore();
    await waitFor(async () => (await subscribers()) >= 1 + others.length, 10_000);

    const refusal = await eventually(() => webhookTo(b, installation), (response) => response.status !== 200, 2000);
    expect(refusal.status).toBe(401);
    expect(refusal.body.error.code).toBe('JWT_UNKNOWN_ISSUER');
  });

  it('keeps entries at most feedDownTtlMs while the feed is down', async () => {
    const b = await startB(1000);
    const installation = await installedAndCachedBy(b);

    await proxy.cut();
    const cutAt = Date.now();
    expect((await a.emulator.uninstall(installation.oauthId)).status).toBe(204);
    // B cannot read Redis either: once its entry is gone, it answers that the store is unavailable.
    const refusal = await eventually(() => webhookTo(b, installation), (response) => response.status !== 200, 4000);
    expect(Date.now() - cutAt).toBeLessThan(4000);
    expect(refusal.status).toBe(503);
    expect(refusal.body.error.code).toBe('STORE_UNAVAILABLE');
  });

  it('answers every webhook while another process re-stores the installation as fast as it can', async () => {
    const installation = await installedAndCachedBy(a);
    const publisher = new RedisStore(redis.redis, { prefix: redis.prefix, logger: silentLogger });
    let storing = true;
    const loop = (async () => {
      while (storing) await publisher.storeInstallation(installation);
    })();
    const statuses: number[] = [];
    try {
      for (let round = 0; round < 30; round++) {
        const answers = await Promise.all(Array.from({ length: 10 }, () => webhookTo(a, installation)));
        statuses.push(...answers.map((answer) => answer.status));
      }
    } finally {
      storing = false;
      await loop;
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});

async function eventually<T>(attempt: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await attempt();
  while (!done(value) && Date.now() < deadline) {
    await delay(50);
    value = await attempt();
  }
  return value;
}
