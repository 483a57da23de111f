import jwt from 'jsonwebtoken';
import { issuePageToken, refreshPageToken } from '../../../../lib/core/jwt/page-token';
import { fakeInstallation } from '../../../support/installations';

const installation = fakeInstallation();
const policy = { ttlSeconds: 900, sessionSeconds: 3600 };
const start = 1_800_000_000;
const hostClaims = { iss: installation.oauthId, sub: '7', iat: start, exp: start + 3600, context: { room_id: 5, user_tz: 'UTC' } };
const decode = (token: string) => jwt.verify(token, installation.oauthSecret, { algorithms: ['HS256'], ignoreExpiration: true }) as Record<string, any>;

describe('page tokens', () => {
  it('carry the installation, user and room of the token they came from, for ttlSeconds', () => {
    const { token, expiresIn } = issuePageToken({ installation, claims: hostClaims }, policy, start * 1000);
    expect(decode(token)).toMatchObject({ iss: installation.oauthId, sub: '7', context: { room_id: 5 }, iat: start, exp: start + 900, session_iat: start });
    expect(expiresIn).toBe(900);
  });

  it('keep the session start through refreshes, and never outlive the session', () => {
    const later = start + 3300;
    const claims = { ...hostClaims, iat: later - 100, exp: later + 800, session_iat: start };
    const { token, expiresIn } = refreshPageToken({ installation, claims }, policy, later * 1000);
    expect(decode(token)).toMatchObject({ iat: later, exp: start + 3600, session_iat: start, sub: '7', context: { room_id: 5 } });
    expect(expiresIn).toBe(300);
  });

  it('refuse to refresh once the session is over: PAGE_SESSION_EXPIRED', () => {
    const claims = { ...hostClaims, iat: start + 3500, exp: start + 4400, session_iat: start };
    expect(() => refreshPageToken({ installation, claims }, policy, (start + 3600) * 1000)).toThrow(expect.objectContaining({ code: 'PAGE_SESSION_EXPIRED', status: 401 }));
  });

  it('ignore a session said to start after its token was issued', () => {
    const claims = { ...hostClaims, session_iat: start + 10_000 };
    const { token } = issuePageToken({ installation, claims }, policy, start * 1000);
    expect(decode(token).session_iat).toBe(start);
  });
});
