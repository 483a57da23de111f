import { createHmac } from 'node:crypto';
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

/** Tokens found by fuzzing: each once answered 500 where a coded 401 belongs (issue 9). */
describe('verifyToken on claims and headers of the wrong type', () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** Signed by hand: jsonwebtoken refuses to sign some of these claims, and a host's software need not. */
  const signedAsIs = (payload: Record<string, unknown>) => {
    const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
    return `${input}.${createHmac('sha256', installation.oauthSecret).update(input).digest('base64url')}`;
  };

  it('refuses an alg that is an object without calling its toString', async () => {
    const token = `${encode({ alg: { toString: 1 } })}.${encode({ iss: 'oauth-1', iat: now, exp: now + 60 })}.`;
    const error = await verifyToken(token, options).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'JWT_ALGORITHM_NOT_ALLOWED', details: { alg: 'object' } });
  });

  it.each([
    ['context.room_id an object', { context: { room_id: { valueOf: 1 } } }, 'context.room_id'],
    ['context.room_id a negative number', { context: { room_id: -4 } }, 'context.room_id'],
    ['context.room_id a word', { context: { room_id: 'lobby' } }, 'context.room_id'],
    ['context a string', { context: 'room 1' }, 'context'],
    ['context.user_tz a number', { context: { room_id: 1, user_tz: 3 } }, 'context.user_tz'],
    ['sub an object', { sub: { id: 1 } }, 'sub'],
    ['prn an array', { sub: undefined, prn: [1] }, 'prn'],
    ['jti a number', { jti: 5 }, 'jti'],
    ['nbf a string', { nbf: 'soon' }, 'nbf'],
  ])('refuses a signed token with %s as JWT_CLAIM_INVALID, naming the claim', async (_name, claims, claim) => {
    const error = await verifyToken(signedAsIs({ iss: 'oauth-1', iat: now, exp: now + 60, context: { room_id: 1 }, ...claims }), options)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'JWT_CLAIM_INVALID', status: 401, details: { claim } });
  });

  it('keeps a room id sent as a decimal string', async () => {
    const { claims } = await verifyToken(hostToken(installation, { context: { room_id: '17' } }, now), options);
    expect(claims.context?.room_id).toBe('17');
  });

  it('refuses a token whose nbf is later than now beyond the clock tolerance, and honours the tolerance', async () => {
    await expect(codeOf(hostToken(installation, { nbf: now + 120 }, now))).resolves.toBe('JWT_NOT_YET_VALID');
    await expect(codeOf(hostToken(installation, { nbf: now + 30 }, now))).resolves.toBe('verified');
    await expect(codeOf(hostToken(installation, { nbf: now - 30 }, now))).resolves.toBe('verified');
  });
});
