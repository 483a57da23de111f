import { connect } from 'node:net';
import express from 'express';
import request from 'supertest';
import type { Addon } from '../../../lib/addon';
import { roomMessagePayload } from '../../bench/payload';
import { fakeInstallation, hostToken } from '../../support/installations';
import { listen, serveAddon, serveStandalone, type Served } from '../../support/serve';
import { storedWeatherAddon } from '../../support/weather-addon';

/** The app around the add-on answers whatever the add-on does not take, and says so. */
function authorApp(): express.Express {
  const app = express();
  app.use((req, res) => void res.status(418).json({ app: `${req.method} ${req.originalUrl}` }));
  return app;
}

/**
 * The webhook lane takes exactly `POST /webhooks/<key>` (relative to where the add-on is mounted) and
 * leaves every other request to what comes after it, in both ways of serving the add-on.
 */
describe('the webhook lane', () => {
  const installation = fakeInstallation();
  const payload = roomMessagePayload(installation.oauthId, '/weather Oslo');
  let addon: Addon;
  const served: Served[] = [];

  beforeAll(async () => {
    addon = await storedWeatherAddon([installation]);
  });
  afterAll(async () => {
    for (const server of served) await server.close();
    await addon.close();
  });

  const kept = (server: Served) => {
    served.push(server);
    return server;
  };
  const signed = (test: request.Test) => test.set('authorization', `JWT ${hostToken(installation)}`);

  it('mounted under a path: takes the webhook there, and leaves near misses to the app', async () => {
    const app = express();
    app.use('/addon', addon.router);
    app.use(authorApp());
    const { url } = kept(await listen(app));
    const delivered = await signed(request(url).post('/addon/webhooks/weather?extra=1')).send(payload);
    expect(delivered.status).toBe(200);
    expect(delivered.body.message).toBe('Sunny in Oslo, 21°');
    const misses = await Promise.all([
      signed(request(url).post('/webhooks/weather')).send(payload),
      signed(request(url).post('/addon/webhooks/weather/')).send(payload),
      signed(request(url).post('/addon/webhooks/')).send(payload),
      signed(request(url).get('/addon/webhooks/weather')),
    ]);
    expect(misses.map((answer) => [answer.status, answer.body.app])).toEqual([
      [418, 'POST /webhooks/weather'], [418, 'POST /addon/webhooks/weather/'], [418, 'POST /addon/webhooks/'], [418, 'GET /addon/webhooks/weather'],
    ]);
  });

  it('standalone: takes the webhook before Express, and leaves near misses to the author\'s app', async () => {
    const { url } = kept(await serveStandalone(addon, authorApp()));
    expect((await signed(request(url).post('/webhooks/weather')).send(payload)).status).toBe(200);
    const misses = await Promise.all([
      signed(request(url).post('/webhooks/weather/extra')).send(payload),
      signed(request(url).put('/webhooks/weather')).send(payload),
    ]);
    expect(misses.map((answer) => [answer.status, answer.body.app])).toEqual([[418, 'POST /webhooks/weather/extra'], [418, 'PUT /webhooks/weather']]);
  });

  it.each(['standalone', 'mounted'] as const)('answers pipelined deliveries on one connection whole and in order (%s)', async (lane) => {
    const { url } = kept(lane === 'standalone' ? await serveStandalone(addon) : await serveAddon(addon));
    const { port } = new URL(url);
    const delivery = (city: string) => {
      const body = JSON.stringify(roomMessagePayload(installation.oauthId, `/weather ${city}`));
      return `POST /webhooks/weather HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `authorization: JWT ${hostToken(installation)}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    const answered = new Promise<void>((resolve) => socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      if ((received.match(/Sunny in/g) ?? []).length === 3) resolve();
    }));
    socket.write(delivery('Oslo') + delivery('Paris') + delivery('Rome'));
    await answered;
    socket.destroy();
    expect(received.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200', 'HTTP/1.1 200']);
    expect(received.match(/Sunny in \w+/g)).toEqual(['Sunny in Oslo', 'Sunny in Paris', 'Sunny in Rome']);
  });
});
