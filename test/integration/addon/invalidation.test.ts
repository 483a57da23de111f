import { setTimeout as delay } from 'node:timers/promises';
import request from 'supertest';
import { changeChannel, installationKeys } from '../../../lib/stores/redis-layout';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { redisStore, startStack, type Stack } from '../../support/stack';
import { waitFor } from '../../support/wait-for';

/**
 * Two add-on processes on one Redis: A and B are separate add-on instances, each with its own
 * RedisStore and Redis connection but the same prefix, each on its own port. An uninstall handled by A
 * must reach B's in-memory installation cache through the store's change feed, not after its 5-minute TTL.
 */
describe('installation changes across add-on processes', () => {
  let redisA: TestRedis;
  let redisB: TestRedis;
  let a: Stack;
  let b: Stack;

  beforeAll(async () => {
    redisA = connectTestRedis();
    redisB = connectTestRedis();
    a = await startStack({ store: redisStore(redisA.redis, redisA.prefix) });
    b = await startStack({ store: redisStore(redisB.redis, redisA.prefix) });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await redisA.cleanup();
    await redisB.cleanup();
  });

  it('makes B refuse an installation A uninstalled, within a second', async () => {
    // A notice published before a subscriber listens is lost: wait until both processes listen.
    await waitFor(async () => (await subscribers(redisA, changeChannel(redisA.prefix))) >= 2, 10_000);

    const { oauthId } = await a.emulator.install({ descriptorUrl: a.descriptorUrl, roomId: a.emulator.rooms[0]!.id });
    const installation = (await a.store.fetchInstallation(oauthId))!;
    // The host no longer signs for it once uninstalled, so B is sent what a replayed host token looks like.
    const sendToB = () => request(b.served.url).post('/webhooks/weather')
      .set('authorization', `JWT ${hostToken(installation)}`).send(roomMessagePayload(oauthId, '/weather Oslo'));

    // B has never seen it; this webhook makes B read it from Redis and keep it in its cache.
    const warm = await a.emulator.sendWebhook({ oauthId, event: 'room_message', item: { message: { message: '/weather Oslo' } }, url: `${b.served.url}/webhooks/weather` });
    expect(warm.status).toBe(200);
    // Control: with the record removed behind the store's back (no change notice), B still accepts, so
    // the refusal below comes from the notice and not from B reading Redis again.
    const key = installationKeys(redisA.prefix, oauthId).installation;
    const record = (await redisA.redis.get(key))!;
    await redisA.redis.del(key);
    expect((await sendToB()).status).toBe(200);
    await redisA.redis.set(key, record);

    expect((await a.emulator.uninstall(oauthId)).status).toBe(204);

    let refusal = await sendToB();
    const deadline = Date.now() + 1000;
    while (refusal.status === 200 && Date.now() < deadline) {
      await delay(20);
      refusal = await sendToB();
    }
    expect(refusal.status).toBe(401);
    expect(refusal.body.error.code).toBe('JWT_UNKNOWN_ISSUER');
  });
});

async function subscribers(redis: TestRedis, channel: string): Promise<number> {
  const reply = (await redis.redis.pubsub('NUMSUB', channel)) as [string, number];
  return Number(reply[1]);
}
