import Redis from 'ioredis';
import request from 'supertest';
import { startOwnRedis, type OwnRedis } from '../../support/redis';
import { keysOf, redisStore, startStack, type Stack } from '../../support/stack';
import { waitFor } from '../../support/wait-for';
import type { Fetch } from 'hipchat-connect';

/** Redis goes away in the middle of an install: a clear 503, nothing half-written, and recovery alone. */
describe('a store outage during installs', () => {
  let own: OwnRedis;
  let redis: Redis;
  let stack: Stack;
  let stopRedisAfterTokenProof = false;

  // Stops Redis at the worst moment: after the host has proven the credentials, before the write.
  const fetchThatStopsRedis: Fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (stopRedisAfterTokenProof && String(input).endsWith('/oauth/token')) {
      stopRedisAfterTokenProof = false;
      await own.stop();
    }
    return response;
  };

  beforeAll(async () => {
    own = await startOwnRedis();
    redis = new Redis(own.url, { maxRetriesPerRequest: 1 });
    stack = await startStack({ store: redisStore(redis, 'outage:'), fetch: fetchThatStopsRedis });
  });
  afterAll(async () => {
    await stack.close();
    redis.disconnect();
    await own.stop();
  });

  it('answers 503 when Redis stops mid-install, writes nothing, and serves again once Redis is back', async () => {
    stopRedisAfterTokenProof = true;
    const failure = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl }).catch((error: { details?: { status?: number; body?: unknown } }) => error);
    expect(failure).toMatchObject({ details: { status: 503, body: { error: { code: 'STORE_UNAVAILABLE' } } } });
    const attempted = stack.emulator.log.installs.at(-1)!;

    // While Redis is down, a webhook for anything is a clear 503 too, not a hang.
    const started = performance.now();
    const downWebhook = await request(stack.served.url).post('/webhooks/weather')
      .set('authorization', `JWT ${unsignedIss(attempted.oauthId)}`).send({ event: 'room_message', item: {} });
    expect(downWebhook.status).toBe(503);
    expect(downWebhook.body.error.code).toBe('STORE_UNAVAILABLE');
    expect(performance.now() - started).toBeLessThan(3000);

    await own.start();
    await waitFor(() => redis.status === 'ready');
    expect(await keysOf(redis, 'outage:', attempted.oauthId)).toEqual([]);

    // The same add-on process, untouched, installs and serves again.
    const installed = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: stack.emulator.rooms[0]!.id });
    const delivery = await stack.emulator.sendWebhook({ oauthId: installed.oauthId, event: 'room_message', item: { message: { message: '/weather Rome' } } });
    expect(delivery.status).toBe(200);
    expect(delivery.body).toMatchObject({ message: 'Sunny in Rome, 21°' });
  });

  it('answers 503 when Redis is already down as the install arrives', async () => {
    await own.stop();
    try {
      const failure = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl }).catch((error: { details?: { status?: number } }) => error);
      expect(failure).toMatchObject({ details: { status: 503 } });
    } finally {
      await own.start();
      await waitFor(() => redis.status === 'ready');
    }
  });
});

/** A token whose iss names an installation; the signature does not matter, the lookup comes first. */
function unsignedIss(oauthId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: oauthId, iat: 1, exp: 2 })}.c2ln`;
}
