import express from 'express';
import request from 'supertest';
import { MemoryStore, type Addon, type Installation } from 'hipchat-connect';
import { roomMessagePayload } from '../../bench/payload';
import { fakeInstallation, hostToken } from '../../support/installations';
import { listen, serveStandalone, type Served } from '../../support/serve';
import { storedWeatherAddon } from '../../support/weather-addon';

/** A real store that counts what is asked of it. */
class CountingStore extends MemoryStore {
  calls = 0;

  override fetchInstallation(oauthId: string): Promise<Installation | undefined> {
    this.calls++;
    return super.fetchInstallation(oauthId);
  }

  override getValue(oauthId: string, key: string): Promise<string | undefined> {
    this.calls++;
    return super.getValue(oauthId, key);
  }
}

/**
 * Issue 11's rule for the hot path: once an installation is cached, its webhooks cost no store round
 * trip, however many installations the store holds, in both lanes.
 */
describe.each(['standalone', 'mounted'] as const)('webhooks and the store (%s)', (lane) => {
  const installations = Array.from({ length: 500 }, (_, index) => fakeInstallation({ oauthId: `oauth-${index}`, oauthSecret: `secret-${index}-0123456789abcdef` }));
  const store = new CountingStore();
  let addon: Addon;
  let served: Served;

  beforeAll(async () => {
    addon = await storedWeatherAddon(installations, store);
    const app = express();
    app.use(addon.router);
    served = lane === 'standalone' ? await serveStandalone(addon) : await listen(app);
  });
  afterAll(async () => {
    await served.close();
    await addon.close();
  });

  const deliver = (installation: Installation) => request(served.url).post('/webhooks/weather')
    .set('authorization', `JWT ${hostToken(installation, { jti: `${installation.oauthId}-${Math.random()}` })}`)
    .send(roomMessagePayload(installation.oauthId, '/weather Lima'));

  it('reads each installation once, then answers its webhooks from memory', async () => {
    for (const installation of installations) expect((await deliver(installation)).status).toBe(200);
    const afterFirst = store.calls;
    expect(afterFirst).toBe(installations.length);
    for (let round = 0; round < 3; round++) {
      for (const installation of installations.slice(0, 100)) expect((await deliver(installation)).status).toBe(200);
    }
    expect(store.calls).toBe(afterFirst);
  }, 60_000);
});
