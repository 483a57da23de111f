import jwt from 'jsonwebtoken';
import request from 'supertest';
import { issuePageToken, pageTokenPolicy } from '../../../lib/core/jwt/page-token';
import type { HipChatLocals } from 'hipchat-connect';
import { useInstalledStack } from '../../support/installed-stack';
import { hostToken } from '../../support/installations';

/** A page's token: from the page load, back on the page's XHR calls, refreshed, and refused once over. */
describe('page tokens over HTTP', () => {
  const SESSION = 1800;
  const fixture = useInstalledStack({
    overrides: { jwt: { pageSessionSeconds: SESSION } },
    author: (app, addon) => app.get('/api/whoami', addon.authenticate(), (_req, res) => {
      const { roomId, userId, installation: { oauthId }, claims } = res.locals.hipchat as HipChatLocals;
      res.json({ roomId, userId, oauthId, claims });
    }),
  });
  const options = () => fixture.stack.addon.options;

  const now = () => Math.floor(Date.now() / 1000);
  const room = () => fixture.stack.emulator.rooms[1]!.id;
  const user = () => String(fixture.stack.emulator.users[0]!.id);
  const pageLoad = (claims: Record<string, unknown> = {}) => hostToken(fixture.installation, { sub: user(), context: { room_id: room(), user_tz: 'UTC' }, ...claims });
  const tokenOfPage = async (signedRequest = pageLoad()) => {
    const page = await request(fixture.app.url).get('/pages/forecast-panel').query({ signed_request: signedRequest });
    return /data-token="([^"]+)"/.exec(page.text)![1]!;
  };
  const refresh = (token: string) => request(fixture.app.url).post('/page-token').set('authorization', `JWT ${token}`);
  const whoami = (token: string) => request(fixture.app.url).get('/api/whoami').set('authorization', `JWT ${token}`);

  it('goes back to the add-on as Authorization: JWT and names the same installation, user and room', async () => {
    const response = await whoami(await tokenOfPage());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ oauthId: fixture.installation.oauthId, userId: user(), roomId: room() });
  });

  it('is refreshed from the page: the fresh token carries the same installation, user and room, and lives no longer than policy', async () => {
    const first = await tokenOfPage();
    const refreshed = await refresh(first);
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    expect(refreshed.body).toEqual({ token: expect.any(String), expiresIn: options().pageTokenTtlSeconds });
    const claims = jwt.decode(refreshed.body.token) as Record<string, number>;
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(options().pageTokenTtlSeconds);
    expect(claims.session_iat).toBe((jwt.decode(first) as Record<string, number>).session_iat);

    const response = await whoami(refreshed.body.token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ oauthId: fixture.installation.oauthId, userId: user(), roomId: room() });
  });

  it('refuses an expired page token with a coded 401, on the add-on\'s routes and on refresh', async () => {
    const anHourAgo = (now() - 3600) * 1000;
    const { token } = issuePageToken({ installation: fixture.installation, claims: { iss: fixture.installation.oauthId, sub: user(), iat: anHourAgo / 1000, exp: 0 } }, pageTokenPolicy(options()), anHourAgo);
    for (const response of [await whoami(token), await refresh(token)]) {
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('JWT');
      expect(response.body.error.code).toBe('JWT_EXPIRED');
    }
  });

  it('ends the refresh chain with the session: PAGE_SESSION_EXPIRED once the host token it began with is older than pageSessionSeconds', async () => {
    // Older than the session by more than the clock tolerance (60 s), which page tokens get like any other.
    const old = pageLoad({ iat: now() - SESSION - 120, exp: now() + 600 });
    const response = await refresh(old);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('PAGE_SESSION_EXPIRED');
    // The page token a late page load carries is already over, rather than outliving the session.
    expect((await whoami(await tokenOfPage(old))).body.error.code).toBe('JWT_EXPIRED');
  });

  it.each([
    ['a forged token', () => hostToken({ ...fixture.installation, oauthSecret: 'guessed-secret' }), 'JWT_SIGNATURE_INVALID'],
    ['a malformed header', () => 'a.b', 'JWT_MALFORMED'],
  ])('refuses to refresh %s', async (_name, makeToken, code) => {
    const response = await refresh(makeToken());
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe(code);
  });

  it('refuses to refresh without a token', async () => {
    const response = await request(fixture.app.url).post('/page-token');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('JWT_MISSING');
  });
});
