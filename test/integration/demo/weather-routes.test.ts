import Redis from 'ioredis';
import request from 'supertest';
import { RedisStore, silentLogger } from 'hipchat-connect';
import { startDemoStack, type DemoStack } from '../../support/demo-stack';
import { hostToken } from '../../support/installations';
import { startOwnRedis, type OwnRedis } from '../../support/redis';

/** The demo add-on's own API, which its pages call with their page token: the usual refusals, and a store outage. */
describe('the demo add-on\'s API', () => {
  let own: OwnRedis;
  let redis: Redis;
  let stack: DemoStack;

  beforeAll(async () => {
    own = await startOwnRedis();
    redis = new Redis(own.url, { maxRetriesPerRequest: 1 });
    stack = await startDemoStack({ store: new RedisStore(redis, { prefix: 'demo:', logger: silentLogger }) });
  });
  afterAll(async () => {
    await stack.close();
    redis.disconnect();
    await own.kill();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const token = (claims: Record<string, unknown> = {}) => hostToken(stack.installation, { sub: '2', context: { room_id: 1, user_tz: 'UTC' }, ...claims });
  const api = () => request(stack.addonUrl);
  const chooseCity = (body: string, type = 'application/json') => api().post('/api/city').set('authorization', `JWT ${token()}`).set('content-type', type).send(body);

  it('answers the forecast for the viewer\'s room and user, and for a city asked for', async () => {
    const chosen = await api().get('/api/forecast').set('authorization', `JWT ${token()}`);
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ city: 'Paris', today: '21°, sunny', tomorrow: '19°, a light breeze from the west', room: 1, user: '2' });
    expect(chosen.headers['cache-control']).toBe('no-store');
    expect((await api().get('/api/forecast').query({ city: 'Oslo' }).set('authorization', `JWT ${token()}`)).body.city).toBe('Oslo');
  });

  it('chooses the city, keeps it for the installation and pushes the glance to the room', async () => {
    expect((await chooseCity(JSON.stringify({ city: 'Lisbon' }))).status).toBe(204);
    expect(await stack.addon.store.getValue(stack.installation.oauthId, 'city')).toBe('Lisbon');
    expect(stack.emulator.log.glancePushes.at(-1)).toMatchObject({
      key: 'forecast', scope: { room: 1 }, content: { label: { type: 'html', value: '<b>21°</b> and sunny in Lisbon' } },
    });
    expect((await api().get('/api/forecast').set('authorization', `JWT ${token()}`)).body.city).toBe('Lisbon');
  });

  it.each([
    ['no token', undefined, 'JWT_MISSING'],
    ['a forged token', () => hostToken({ ...stack.installation, oauthSecret: 'guessed-secret' }), 'JWT_SIGNATURE_INVALID'],
    ['an expired token', () => token({ iat: now() - 7200, exp: now() - 3600 }), 'JWT_EXPIRED'],
    ['a malformed token', () => 'not.a.jwt!', 'JWT_MALFORMED'],
  ])('refuses %s with a coded 401', async (_what, make, code) => {
    for (const call of [api().get('/api/forecast'), api().post('/api/city').send({ city: 'Oslo' })]) {
      const answer = await (make ? call.set('authorization', `JWT ${make()}`) : call);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe(code);
    }
  });

  it.each([
    ['malformed JSON', '{"city": ', 'application/json', 400, 'BODY_MALFORMED'],
    ['a body over 1 KiB', JSON.stringify({ city: 'x'.repeat(2000) }), 'application/json', 413, 'BODY_TOO_LARGE'],
    ['a body that is not JSON', 'city=Oslo', 'application/x-www-form-urlencoded', 415, 'BODY_UNSUPPORTED_TYPE'],
    ['a city that is no name', JSON.stringify({ city: '<b>Oslo</b>' }), 'application/json', 400, 'PAYLOAD_INVALID'],
    ['no city', JSON.stringify({}), 'application/json', 400, 'PAYLOAD_INVALID'],
    ['a JSON body that is no object', 'null', 'application/json', 400, 'PAYLOAD_INVALID'],
  ])('refuses %s, and keeps the city', async (_what, body, type, status, code) => {
    const before = await stack.addon.store.getValue(stack.installation.oauthId, 'city');
    const answer = await chooseCity(body, type);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(await stack.addon.store.getValue(stack.installation.oauthId, 'city')).toBe(before);
  });

  it('refuses a city asked for that is no name', async () => {
    const answer = await api().get('/api/forecast').query({ city: 'javascript:alert(1)' }).set('authorization', `JWT ${token()}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('PAYLOAD_INVALID');
  });

  it('answers 503 while the store is down, and serves again once it is back', async () => {
    await own.stop();
    try {
      const down = await chooseCity(JSON.stringify({ city: 'Rome' }));
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('STORE_UNAVAILABLE');
    } finally {
      await own.start();
    }
    // The store reconnects by itself. The test's Redis keeps nothing on disk, so the installation goes back in.
    await eventually(() => stack.addon.store.storeInstallation(stack.installation));
    expect((await chooseCity(JSON.stringify({ city: 'Rome' }))).status).toBe(204);
  });
});

/** Tries until the work succeeds, for a few seconds. */
async function eventually(work: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if (attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
