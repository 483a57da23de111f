import request from 'supertest';
import { roomMessagePayload } from '../../bench/payload';
import type { PageLocals } from 'hipchat-connect';
import { useInstalledStack } from '../../support/installed-stack';
import { hostToken } from '../../support/installations';

/** Pages the host frames: served by the add-on, or by the author behind addon.page(); and the other routes' headers. */
describe('pages and the headers of every route', () => {
  const fixture = useInstalledStack({
    roomInstall: true,
    // The example add-on serves its own configuration page; this adds a page at the author's own route.
    declare: (addon) => addon.dialog('confirm', { title: 'Confirm', url: '/confirm' }),
    author: (app, addon) => app.get('/confirm', addon.page(), (_req, res) => {
      const { installation: _installation, claims: _claims, ...page } = res.locals.hipchat as PageLocals;
      res.json(page);
    }),
  });

  const now = () => Math.floor(Date.now() / 1000);
  const user = () => String(fixture.stack.emulator.users[0]!.id);
  const pageLoad = () => hostToken(fixture.installation, { sub: user() });
  const framableOnlyByHosts = (headers: Record<string, string>) => {
    expect(headers['content-security-policy']).toBe('frame-ancestors https://api.hipchat.com http://127.0.0.1:* http://localhost:*');
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('serves a webPanel it declared, framable by the allowed hosts only, with the host API and helper scripts', async () => {
    const response = await request(fixture.app.url).get('/pages/forecast-panel').query({ signed_request: pageLoad() });
    expect(response.status).toBe(200);
    framableOnlyByHosts(response.headers);
    expect(response.text).toContain(`<script src="${fixture.stack.emulator.url}/atlassian-connect/all.js"></script>`);
    expect(response.text).toMatch(new RegExp(`<script src="${fixture.app.url}/hipchat-connect\\.js\\?v=[\\w-]{12}" data-token="[\\w-]+\\.[\\w-]+\\.[\\w-]+"></script>`));
    expect(response.text).toContain(`Forecast for room ${fixture.stack.emulator.rooms[0]!.id}`);
  });

  it('serves the configuration page at /configure', async () => {
    const response = await request(fixture.app.url).get('/configure').query({ signed_request: pageLoad() });
    expect(response.status).toBe(200);
    framableOnlyByHosts(response.headers);
    expect(response.text).toContain('<h1>Weather settings</h1>');
  });

  it("gives the author's own page route behind addon.page() the same headers and the page's context", async () => {
    const response = await request(fixture.app.url).get('/confirm').query({ signed_request: pageLoad() });
    expect(response.status).toBe(200);
    framableOnlyByHosts(response.headers);
    expect(response.body).toMatchObject({
      roomId: fixture.stack.emulator.rooms[0]!.id,
      userId: user(),
      token: expect.any(String),
      hostScriptUrl: `${fixture.stack.emulator.url}/atlassian-connect/all.js`,
      clientScriptUrl: expect.stringMatching(new RegExp(`^${fixture.app.url}/hipchat-connect\\.js\\?v=`)),
      scripts: expect.stringContaining(response.body.token),
    });
  });

  describe.each([['a served page', '/pages/forecast-panel'], ['an author page', '/confirm'], ['the configuration page', '/configure']])('%s', (_name, path) => {
    it.each([
      ['a forged signed_request', () => hostToken({ ...fixture.installation, oauthSecret: 'guessed-secret' }), 'JWT_SIGNATURE_INVALID'],
      ['an expired signed_request', () => hostToken(fixture.installation, { iat: now() - 7200, exp: now() - 3600 }), 'JWT_EXPIRED'],
      ['no signed_request', () => undefined, 'JWT_MISSING'],
    ])('refuses %s with a coded 401', async (_case, makeToken, code) => {
      const token = makeToken();
      const response = await request(fixture.app.url).get(path).query(token === undefined ? {} : { signed_request: token });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('JWT');
      expect(response.body.error).toMatchObject({ code, status: 401 });
      expect(response.text).not.toContain('<script');
    });
  });

  it('answers 404 for a page nobody declared', async () => {
    const response = await request(fixture.app.url).get('/pages/nope').query({ signed_request: pageLoad() });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it.each([
    ['the descriptor', () => request(fixture.app.url).get('/atlassian-connect.json')],
    ['a webhook', () => request(fixture.app.url).post('/webhooks/weather').set('authorization', `JWT ${hostToken(fixture.installation)}`).send(roomMessagePayload(fixture.installation.oauthId, '/weather Oslo'))],
    ['a refused webhook', () => request(fixture.app.url).post('/webhooks/weather').send({})],
    ['an install callback', () => request(fixture.app.url).post('/installable').send({ oauthId: 'x' })],
    ['a glance', () => request(fixture.app.url).get('/glances/forecast').query({ signed_request: hostToken(fixture.installation) })],
  ])('keeps helmet\'s strict headers on %s', async (_name, send) => {
    const response = await send();
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the client helper cached by content: immutable when versioned, revalidated by ETag otherwise', async () => {
    const page = await request(fixture.app.url).get('/pages/forecast-panel').query({ signed_request: pageLoad() });
    const versioned = /hipchat-connect\.js\?v=([\w-]+)/.exec(page.text)![1]!;
    const script = await request(fixture.app.url).get('/hipchat-connect.js').query({ v: versioned });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.text).toContain('HipChatConnect');
    const bare = await request(fixture.app.url).get('/hipchat-connect.js');
    expect(bare.headers['cache-control']).toBe('no-cache');
    const revalidated = await request(fixture.app.url).get('/hipchat-connect.js').set('if-none-match', bare.headers.etag!);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });
});
