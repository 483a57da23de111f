import jwt from 'jsonwebtoken';
import { verifyToken, type VerifyOptions } from '../../../../lib/core/jwt/verify';
import { fakeInstallation, hostToken, unsignedToken } from '../../../support/installations';

const installation = fakeInstallation();
const now = 1_800_000_000;
const options: VerifyOptions = {
  findInstallation: async (oauthId) => (oauthId === installation.oauthId ? installation : undefined),
  clockToleranceSeconds: 60,
  maxAgeSeconds: 3600,
  now: () => now * 1000,
};

async function codeOf(token: string): Promise<string> {
  return verifyToken(token, options).then(() => 'verified', (error: { code: string }) => error.code);
}

describe('verifyToken', () => {
  it('verifies a host token and normalises its claims', async () => {
    const { installation: found, claims } = await verifyToken(hostToken(installation, { sub: 7 }, now), options);
    expect(found).toBe(installation);
    expect(claims).toMatchObject({ iss: 'oauth-1', sub: '7', context: { room_id: 42, user_tz: 'UTC' } });
  });

  it('maps what older hosts sent: prn for sub, context.tz for user_tz', async () => {
    const token = hostToken(installation, { sub: undefined, prn: 'u9', context: { room_id: 1, tz: 'Europe/Paris' } }, now);
    const { claims } = await verifyToken(token, options);
    expect(claims.sub).toBe('u9');
    expect(claims.context?.user_tz).toBe('Europe/Paris');
  });

  it('accepts a header formatted with spaces, as Python hosts wrote it', async () => {
    const encode = (text: string) => Buffer.from(text).toString('base64url');
    const signingInput = `${encode('{"alg": "HS256", "typ": "JWT"}')}.${encode(JSON.stringify({ iss: 'oauth-1', iat: now, exp: now + 60 }))}`;
    const signature = require('node:crypto').createHmac('sha256', installation.oauthSecret).update(signingInput).digest('base64url');
    await expect(codeOf(`${signingInput}.${signature}`)).resolves.toBe('verified');
  });

  it.each([
    ['a forged signature', () => hostToken({ ...installation, oauthSecret: 'not-the-secret' }, {}, now), 'JWT_SIGNATURE_INVALID'],
    ['alg none', () => unsignedToken({ iss: 'oauth-1', iat: now, exp: now + 60 }), 'JWT_ALGORITHM_NOT_ALLOWED'],
    ['HS512', () => jwt.sign({ iss: 'oauth-1', iat: now, exp: now + 60 }, installation.oauthSecret, { algorithm: 'HS512' }), 'JWT_ALGORITHM_NOT_ALLOWED'],
    ['an expired token', () => hostToken(installation, { iat: now - 3000, exp: now - 61 }, now), 'JWT_EXPIRED'],
    ['a future iat', () => hostToken(installation, { iat: now + 120, exp: now + 600 }, now), 'JWT_ISSUED_IN_FUTURE'],
    ['a token older than maxAge', () => hostToken(installation, { iat: now - 3700, exp: now + 600 }, now), 'JWT_TOO_OLD'],
    ['an unknown issuer', () => hostToken({ ...installation, oauthId: 'someone-else' }, {}, now), 'JWT_UNKNOWN_ISSUER'],
    ['no iss', () => hostToken(installation, { iss: undefined }, now), 'JWT_CLAIM_MISSING'],
    ['no exp', () => hostToken(installation, { exp: undefined }, now), 'JWT_CLAIM_MISSING'],
    ['no iat', () => hostToken(installation, { iat: undefined }, now), 'JWT_CLAIM_MISSING'],
    ['garbage', () => 'not-a-jwt', 'JWT_MALFORMED'],
    ['a non-JSON header', () => `${Buffer.from('nope').toString('base64url')}.e30.sig`, 'JWT_MALFORMED'],
  ])('refuses %s', async (_name, makeToken, code) => {
    await expect(codeOf(makeToken())).resolves.toBe(code);
  });

  it('tolerates clock skew within clockToleranceSeconds', async () => {
    await expect(codeOf(hostToken(installation, { iat: now + 30, exp: now + 600 }, now))).resolves.toBe('verified');
    await expect(codeOf(hostToken(installation, { iat: now - 600, exp: now - 30 }, now))).resolves.toBe('verified');
  });
});
