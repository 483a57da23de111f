import request from 'supertest';
import type { Addon } from 'hipchat-connect';
import { roomMessagePayload } from '../../bench/payload';
import { fakeInstallation, hostToken } from '../../support/installations';
import { serveAddon, serveStandalone, type Served } from '../../support/serve';
import { storedWeatherAddon } from '../../support/weather-addon';

/**
 * The webhook endpoint writes helmet's strict headers itself, in one writeHead: every answer and every
 * refusal must carry them, in the standalone server and mounted in an Express app that sets
 * X-Powered-By, and whatever the app around it set must survive.
 */
describe.each(['standalone', 'mounted'] as const)('webhook answers\' headers (%s)', (lane) => {
  const installation = fakeInstallation();
  let addon: Addon;
  let served: Served;

  beforeAll(async () => {
    addon = await storedWeatherAddon([installation]);
    addon.webhook('room_enter', { key: 'quiet' }, () => undefined);
    served = lane === 'standalone'
      ? await serveStandalone(addon)
      : await serveAddon(addon, (app) => app.use((_req, res, next) => {
        res.setHeader('x-request-id', 'r1');
        next();
      }));
  });
  afterAll(async () => {
    await served.close();
    await addon.close();
  });

  const post = (path: string) => request(served.url).post(path);
  const signed = (path: string) => post(path).set('authorization', `JWT ${hostToken(installation)}`);

  it('on answers with a reply, without one, and on every kind of refusal', async () => {
    const answers = await Promise.all([
      signed('/webhooks/weather').send(roomMessagePayload(installation.oauthId, '/weather Oslo')),
      signed('/webhooks/quiet').send({ event: 'room_enter', webhook_id: 1, oauth_client_id: installation.oauthId, item: { room: { id: 1, name: 'R' }, sender: { id: 1, name: 'U', mention_name: 'u' } } }),
      post('/webhooks/weather').send(roomMessagePayload(installation.oauthId, '/weather Oslo')),
      signed('/webhooks/weather').send({ event: 'room_message' }),
      signed('/webhooks/weather').set('content-type', 'text/plain').send('hello'),
      signed('/webhooks/nobody').send({}),
      signed('/webhooks/%E0%A4%A').send({}),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 204, 401, 400, 415, 404, 400]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({
        'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'content-security-policy': expect.stringContaining("default-src 'self'"),
        'strict-transport-security': expect.any(String), 'cross-origin-opener-policy': 'same-origin',
      });
      expect(answer.headers['x-powered-by']).toBeUndefined();
      if (lane === 'mounted') expect(answer.headers['x-request-id']).toBe('r1');
    }
    expect(answers[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answers[0]!.body).toEqual({ message: 'Sunny in Oslo, 21°', color: 'green', message_format: 'text' });
  });
});
