import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { HipChatLocals, Installation } from 'hipchat-connect';
import { hostToken } from '../../support/installations';
import { serveAddon, type Served } from '../../support/serve';
import { startStack, type Stack } from '../../support/stack';

/** An author's own route behind `addon.authenticate()`, with installations made by the emulator. */
describe('addon.authenticate() on the author\'s routes', () => {
  let stack: Stack;
  let app: Served;
  let installation: Installation;
  let calls = 0;

  beforeAll(async () => {
    stack = await startStack();
    // The author's app: their own page beside the add-on's router, the way an add-on is built.
    app = await serveAddon(stack.addon, (author) => author.get('/status', stack.addon.authenticate(), (_req, res) => {
      calls++;
      // Echoes what the middleware left, minus the secret, which an author would never send a page.
      const { installation: { oauthSecret: _secret, ...installed }, ...rest } = res.locals.hipchat as HipChatLocals;
      res.json({ ...rest, installation: installed });
    }));
    // A global install: the room can only come from the token's context.
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    installation = (await stack.store.fetchInstallation(oauthId))!;
  });
  afterAll(async () => {
    await app.close();
    await stack.close();
  });
  beforeEach(() => {
    calls = 0;
  });

  const now = () => Math.floor(Date.now() / 1000);
  const room = () => stack.emulator.rooms[1]!;
  const user = () => String(stack.emulator.users[0]!.id);
  const pageLoad = () => hostToken(installation, { sub: user(), context: { room_id: room().id, user_tz: 'Europe/Oslo' } });

  it('accepts a host-signed signed_request and fills res.locals.hipchat', async () => {
    const response = await request(app.url).get('/status').query({ signed_request: pageLoad() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      installation: { oauthId: installation.oauthId, groupId: stack.emulator.group.id },
      claims: { iss: installation.oauthId, sub: user(), context: { room_id: room().id } },
      roomId: room().id,
      userId: user(),
      token: expect.any(String),
    });
    expect(response.body.installation).not.toHaveProperty('oauthSecret');
    expect(calls).toBe(1);
  });

  it('accepts its own page token back as Authorization: JWT, carrying the same user and room', async () => {
    const page = await request(app.url).get('/status').query({ signed_request: pageLoad() });
    const xhr = await request(app.url).get('/status').set('authorization', `JWT ${page.body.token}`);
    expect(xhr.status).toBe(200);
    expect(xhr.body).toMatchObject({ roomId: room().id, userId: user(), installation: { oauthId: installation.oauthId } });
    // A fresh, short-lived token of the add-on's own (pageTokenTtlSeconds, 15 minutes by default).
    expect(xhr.body.claims.exp - xhr.body.claims.iat).toBe(stack.addon.options.pageTokenTtlSeconds);
    expect(xhr.body.claims.jti).not.toBe(page.body.claims.jti);
    expect(calls).toBe(2);
  });

  it('takes the room from a room installation when the token names none', async () => {
    const roomInstall = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: room().id });
    const stored = (await stack.store.fetchInstallation(roomInstall.oauthId))!;
    const response = await request(app.url).get('/status').query({ signed_request: hostToken(stored, { context: { user_tz: 'UTC' } }) });
    expect(response.status).toBe(200);
    expect(response.body.roomId).toBe(room().id);
  });

  it.each([
    ['a forged signature', () => hostToken({ ...installation, oauthSecret: 'x'.repeat(40) }), 'JWT_SIGNATURE_INVALID'],
    ['an expired token', () => hostToken(installation, { iat: now() - 7200, exp: now() - 3600 }), 'JWT_EXPIRED'],
    ['an unknown issuer', () => hostToken({ ...installation, oauthId: 'never-installed' }), 'JWT_UNKNOWN_ISSUER'],
    ['a token signed with the public oauthId', () => jwt.sign({ iss: installation.oauthId, iat: now(), exp: now() + 60 }, installation.oauthId), 'JWT_SIGNATURE_INVALID'],
  ])('refuses %s with a coded 401 and never calls the route', async (_name, makeToken, code) => {
    const viaQuery = await request(app.url).get('/status').query({ signed_request: makeToken() });
    const viaHeader = await request(app.url).get('/status').set('authorization', `JWT ${makeToken()}`);
    for (const response of [viaQuery, viaHeader]) {
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('JWT');
      expect(response.body.error).toMatchObject({ code, status: 401 });
    }
    expect(calls).toBe(0);
  });

  it('refuses a request without any token with JWT_MISSING and never calls the route', async () => {
    const response = await request(app.url).get('/status');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('JWT');
    expect(response.body.error.code).toBe('JWT_MISSING');
    expect(calls).toBe(0);
  });
});
