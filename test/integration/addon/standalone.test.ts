import express from 'express';
import request from 'supertest';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import { roomMessagePayload } from '../../bench/payload';
import { fakeInstallation, hostToken } from '../../support/installations';
import { serveStandalone, type Served } from '../../support/serve';

describe('addon.listen(): the add-on as a server of its own', () => {
  const installation = fakeInstallation();
  let addon: Addon;
  let served: Served;

  beforeAll(async () => {
    const store = new MemoryStore();
    await store.storeInstallation(installation);
    addon = createWeatherAddon({ store, logger: silentLogger, development: true });
    const app = express();
    app.get('/status', addon.authenticate(), (_req, res) => res.json({ room: (res.locals.hipchat as { roomId: number }).roomId }));
    app.post('/webhooks/elsewhere/deeper', (_req, res) => res.json({ app: true }));
    served = await serveStandalone(addon, app);
  });
  afterAll(async () => {
    await served.close();
    await addon.close();
  });

  it('serves the descriptor, and the author\'s routes behind the add-on\'s', async () => {
    const descriptor = await request(served.url).get('/atlassian-connect.json');
    expect(descriptor.body.links.self).toBe(`${served.url}/atlassian-connect.json`);
    const status = await request(served.url).get('/status').set('authorization', `JWT ${hostToken(installation)}`);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ room: installation.roomId });
  });

  it('answers a webhook whose token is in signed_request, and refuses a signed_request given twice', async () => {
    const token = hostToken(installation);
    const once = await request(served.url).post(`/webhooks/weather?signed_request=${token}`).send(roomMessagePayload(installation.oauthId, '/weather Rome'));
    expect(once.status).toBe(200);
    expect(once.body.message).toBe('Sunny in Rome, 21°');
    const twice = await request(served.url).post(`/webhooks/weather?signed_request=${token}&signed_request=${token}`).send(roomMessagePayload(installation.oauthId, '/weather Rome'));
    expect(twice.status).toBe(401);
    expect(twice.body.error.code).toBe('JWT_MALFORMED');
  });

  it('answers an unknown webhook key with a coded 404 and a malformed one with a coded 400', async () => {
    const unknown = await request(served.url).post('/webhooks/nope').set('authorization', `JWT ${hostToken(installation)}`).send({});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ROUTE_NOT_FOUND');
    const malformed = await request(served.url).post('/webhooks/%E0%A4%A').send({});
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('PAYLOAD_INVALID');
  });

  it('gives webhook answers, refusals included, helmet\'s strict headers as the router does', async () => {
    const token = hostToken(installation);
    const answers = await Promise.all([
      request(served.url).post('/webhooks/weather').set('authorization', `JWT ${token}`).send(roomMessagePayload(installation.oauthId, '/weather Oslo')),
      request(served.url).post('/webhooks/weather').send({}),
      request(served.url).post('/webhooks/%E0%A4%A').send({}),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 400]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'content-security-policy': expect.stringContaining("default-src 'self'") });
    }
  });

  it('leaves deeper paths and other methods to the app', async () => {
    const deeper = await request(served.url).post('/webhooks/elsewhere/deeper').send({});
    expect(deeper.body).toEqual({ app: true });
    const get = await request(served.url).get('/webhooks/weather');
    expect(get.status).toBe(404);
  });

  it('derives the base URL from X-Forwarded-* only when told to trust the proxy', async () => {
    const trusting = await addon.listen({ port: 0, host: '127.0.0.1', trustProxy: true });
    try {
      const url = `http://127.0.0.1:${(trusting.address() as { port: number }).port}`;
      const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'abc.ngrok.example' };
      const behindProxy = await request(url).get('/atlassian-connect.json').set(forwarded);
      expect(behindProxy.body.links.self).toBe('https://abc.ngrok.example/atlassian-connect.json');
      const direct = await request(served.url).get('/atlassian-connect.json').set(forwarded);
      expect(direct.body.links.self).toBe(`${served.url}/atlassian-connect.json`);
    } finally {
      trusting.close();
    }
  });
});
