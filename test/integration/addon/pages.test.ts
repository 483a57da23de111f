import request from 'supertest';
import { roomMessagePayload } from '../../bench/payload';
import type { Installation } from '../../../lib/core/installation';
import type { PageLocals } from '../../../lib/express/page';
import { hostToken } from '../../support/installations';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { serveAddon, type Served } from '../../support/serve';
import { startStack, type Stack } from '../../support/stack';

/** Pages the host frames: served by the add-on, or by the author behind addon.page(); and the other routes' headers. */
describe('pages and the headers of every route', () => {
  let redis: TestRedis;
  let stack: Stack;
  let app: Served;
  let installation: Installation;

  beforeAll(async () => {
    redis = connectTestRedis();
    stack = await startStack(redis.redis, redis.prefix);
    stack.addon
      .configurable({}, (_req, res) => void res.send(`<p>settings of ${res.locals.hipchat.installation.groupId}</p>`))
      .dialog('confirm', { title: 'Confirm', url: '/confirm' });
    app = await serveAddon(stack.addon, (author) => author.get('/confirm', stack.addon.page(), (_req, res) => {
      const { installation: _installation, claims: _claims, ...page } = res.locals.hipchat as PageLocals;
      res.json(page);
    }));
    const { oauthId } = await stack.emulator.install({ descriptorUrl: `${app.url}/atlassian-connect.json`, roomId: stack.emulator.rooms[0]!.id });
    installation = (await stack.store.fetchInstallation(oauthId))!;
  });
  afterAll(async () => {
    await app.close();
    await stack.close();
    await redis.cleanup();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const user = () => String(stack.emulator.users[0]!.id);
  const pageLoad = () => hostToken(installation, { sub: user() });
  const framableOnlyByHosts = (headers: Record<string, string>) => {
    expect(headers['content-security-policy']).toBe('frame-ancestors https://api.hipchat.com http://127.0.0.1:* http://localhost:*');
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('serves a webPanel it declared, framable by the allowed hosts only, with the host API and helper scripts', async () => {
    const response = await request(app.url).get('/pages/forecast-panel').query({ signed_request: pageLoad() });
    expect(response.status).toBe(200);
    framableOnlyByHosts(response.headers);
    expect(response.text).toContain(`<script src="${stack.emulator.url}/atlassian-connect/all.js"></script>`);
    expect(response.text).toMatch(new RegExp(`<script src="${app.url}/hipchat-connect\\.js\\?v=[\\w-]{12}" data-token="[\\w-]+\\.[\\w-]+\\.[\\w-]+"></script>`));
    expect(response.text).toContain(`Forecast for room ${stack.emulator.rooms[0]!.id}`);
  });

  it('serves the configuration page at /configure', async () => {
    const response = await request(app.url).get('/configure').query({ signed_request: pageLoad() });
    expect(response.status).toBe(200);
    framableOnlyByHosts(response.headers);
    expect(response.text).toBe(`<p>settings of ${stack.emulator.group.id}</p>`);
  });

  it("gives the author's own page route behind addon.page() the same headers and the page's context", async () => {
    const response = await request(app.url).get('/confirm').query({ signed_request: pageLoad() });
    expect(response.status).toBe(200);
    framableOnlyByHosts(response.headers);
    expect(response.body).toMatchObject({
      roomId: stack.emulator.rooms[0]!.id,
      userId: user(),
      token: expect.any(String),
      hostScriptUrl: `${stack.emulator.url}/atlassian-connect/all.js`,
      clientScriptUrl: expect.stringMatching(new RegExp(`^${app.url}/hipchat-connect\\.js\\?v=`)),
      scripts: expect.stringContaining(response.body.token),
    });
  });

  describe.each([['a served page', '/pages/forecast-panel'], ['an author page', '/confirm'], ['the configuration page', '/configure']])('%s', (_name, path) => {
    it.each([
      ['a forged signed_request', () => hostToken({ ...installation, oauthSecret: 'guessed-secret' }), 'JWT_SIGNATURE_INVALID'],
      ['an expired signed_request', () => hostToken(installation, { iat: now() - 7200, exp: now() - 3600 }), 'JWT_EXPIRED'],
      ['no signed_request', () => undefined, 'JWT_MISSING'],
    ])('refuses %s with a coded 401', async (_case, makeToken, code) => {
      const token = makeToken();
      const response = await request(app.url).get(path).query(token === undefined ? {} : { signed_request: token });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('JWT');
      expect(response.body.error).toMatchObject({ code, status: 401 });
      expect(response.text).not.toContain('<script');
    });
  });

  it('answers 404 for a page nobody declared', async () => {
    const response = await request(app.url).get('/pages/nope').query({ signed_request: pageLoad() });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it.each([
    ['the descriptor', () => request(app.url).get('/atlassian-connect.json')],
    ['a webhook', () => request(app.url).post('/webhooks/weather').set('authorization', `JWT ${hostToken(installation)}`).send(roomMessagePayload(installation.oauthId, '/weather Oslo'))],
    ['a refused webhook', () => request(app.url).post('/webhooks/weather').send({})],
    ['an install callback', () => request(app.url).post('/installable').send({ oauthId: 'x' })],
    ['a glance', () => request(app.url).get('/glances/forecast').query({ signed_request: hostToken(installation) })],
  ])('keeps helmet\'s strict headers on %s', async (_name, send) => {
    const response = await send();
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the client helper cached by content: immutable when versioned, revalidated by ETag otherwise', async () => {
    const page = await request(app.url).get('/pages/forecast-panel').query({ signed_request: pageLoad() });
    const versioned = /hipchat-connect\.js\?v=([\w-]+)/.exec(page.text)![1]!;
    const script = await request(app.url).get('/hipchat-connect.js').query({ v: versioned });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.text).toContain('HipChatConnect');
    const bare = await request(app.url).get('/hipchat-connect.js');
    expect(bare.headers['cache-control']).toBe('no-cache');
    const revalidated = await request(app.url).get('/hipchat-connect.js').set('if-none-match', bare.headers.etag!);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });
});
