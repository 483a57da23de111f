import { setTimeout as delay } from 'node:timers/promises';
import Redis from 'ioredis';
import request from 'supertest';
import { RedisStore, silentLogger, type Addon } from 'hipchat-connect';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { roomMessagePayload } from '../../bench/payload';
import { fakeInstallation, hostToken } from '../../support/installations';
import { startLaxHost, type LaxHost } from '../../support/lax-host';
import { startOwnRedis, type OwnRedis } from '../../support/redis';
import { serveAddon, type Served } from '../../support/serve';

/**
 * `GET /healthz` and `addon.close()` on a router mounted in the author's Express app, on a Redis of
 * the test's own (stopped for the outage case), with a stand-in host for installs.
 */
describe('the health route and a graceful close of a mounted add-on', () => {
  let server: OwnRedis;
  let client: Redis;
  let host: LaxHost;
  let addon: Addon;
  let served: Served;
  let store: RedisStore;
  const listenerMs = { value: 0 };

  beforeAll(async () => {
    server = await startOwnRedis();
    host = await startLaxHost(5);
  });
  beforeEach(async () => {
    client = new Redis(server.url);
    client.on('error', () => undefined); // the outage case stops this Redis
    store = new RedisStore(client, { prefix: `close:${Math.random()}:`, logger: silentLogger, operationTimeoutMs: 500 });
    addon = createWeatherAddon({ store, logger: silentLogger, development: true });
    addon.on('installed', () => delay(listenerMs.value));
    addon.webhook('room_message', { key: 'slow', pattern: /^\/slow/ }, async () => {
      await delay(500);
      return 'finished';
    });
    served = await serveAddon(addon);
    listenerMs.value = 0;
  });
  afterEach(async () => {
    await served.close();
    await addon.close();
    client.disconnect();
    await server.start();
  });
  afterAll(async () => {
    await host.close();
    await server.kill();
  });

  it('answers 200 while the store answers, and a coded 503 while it does not', async () => {
    const healthy = await request(served.url).get('/healthz');
    expect(healthy.status).toBe(200);
    expect(healthy.body).toEqual({ status: 'ok', store: 'ok' });
    expect(healthy.headers['cache-control']).toBe('no-store');

    await server.stop();
    const down = await request(served.url).get('/healthz');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('STORE_UNAVAILABLE');
  });

  it('lets a request in flight finish, then refuses new ones with SHUTTING_DOWN, /healthz included', async () => {
    const installation = fakeInstallation({ oauthId: `close-${Date.now()}` });
    await store.storeInstallation(installation);
    const inFlight = request(served.url).post('/webhooks/slow')
      .set('authorization', `JWT ${hostToken(installation)}`).send(roomMessagePayload(installation.oauthId, '/slow'));
    const answered = inFlight.then((response) => response);
    await delay(150);
    let closed = false;
    const closing = addon.close().then(() => (closed = true));

    const health = await request(served.url).get('/healthz');
    expect(health.status).toBe(503);
    expect(health.body.error.code).toBe('SHUTTING_DOWN');
    expect(health.headers.connection).toBe('close');
    expect(closed).toBe(false);

    expect((await answered).status).toBe(200);
    await closing;
    expect(closed).toBe(true);
  });

  it('rolls an install back when the host gave up before its answer could be sent', async () => {
    listenerMs.value = 2000;
    const oauthId = `gave-up-${Date.now()}`;
    const giveUp = new AbortController();
    const answer = fetch(`${served.url}/installable`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilitiesUrl: host.capabilitiesUrl, oauthId, oauthSecret: 's', groupId: 1 }),
      signal: giveUp.signal,
    }).catch((error: Error) => error.name);
    // Written, its listener still running: the host gives up now.
    for (let tries = 0; !(await store.fetchInstallation(oauthId)) && tries < 200; tries++) await delay(20);
    expect(await store.fetchInstallation(oauthId)).toBeDefined();
    giveUp.abort();
    expect(await answer).toBe('AbortError');
    for (let tries = 0; (await store.fetchInstallation(oauthId)) && tries < 200; tries++) await delay(20);
    expect(await store.fetchInstallation(oauthId)).toBeUndefined();
  });
});
