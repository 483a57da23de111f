import { createHmac } from 'node:crypto';
import { verifyToken, type VerifyOptions } from '../../../../lib/core/jwt/verify';
import { byJsonwebtoken } from '../../../../lib/core/jwt/signature';
import { fakeInstallation, fixedVerifyOptions } from '../../../support/installations';

/**
 * The HMAC check on the hot path against jsonwebtoken, the verifier of record: for every generated
 * token both verifiers must agree on accept or reject, on the error code, and on the claims.
 */
const TOKENS = 100_000;
const installation = fakeInstallation();
const now = 1_800_000_000;
const fast = fixedVerifyOptions(installation, now);
const ofRecord: VerifyOptions = { ...fast, signature: byJsonwebtoken };

/** A small seeded generator (mulberry32), so a failure names a token that can be made again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const hmac = (algorithm: string, input: string, secret: string) => createHmac(algorithm, secret).update(input).digest('base64url');

function generator(next: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  const odd = () => pick<unknown>([null, true, 0, -1, 1.5, '', 'x', '1800000000', [], [1], {}, { a: 1 }, Number.MAX_SAFE_INTEGER, 1e308]);
  const claims = (): Record<string, unknown> => {
    const iat = now + pick([0, -10, -59, -61, -3600, -3660, -3661, -3700, -4000, -5000, 10, 59, 60, 61, 600, int(-5000, 200)]);
    const payload: Record<string, unknown> = {
      iss: pick([installation.oauthId, installation.oauthId, installation.oauthId, 'someone-else', '']),
      sub: pick([String(int(1, 1e6)), int(1, 1e6), undefined]),
      prn: pick([undefined, undefined, '42']),
      iat,
      exp: iat + pick([3600, 7200, 9000, 60, 1, 0, -120, int(-4000, 8000)]),
      jti: `j${int(0, 1e9)}`,
      context: pick([{ room_id: int(1, 1e6), user_tz: 'UTC' }, { room_id: int(1, 1e6), user_tz: 'UTC' }, { tz: 'Europe/Paris' }, undefined, 'ctx', [1]]),
      nbf: pick([undefined, undefined, undefined, now + 1000, 'soon']),
      text: pick(['', 'ünïcødé ✓', '\u2028', '"quoted"', 'x'.repeat(int(0, 300))]),
    };
    // Odd claim types: a number where a string belongs, a string where a number does, nulls, objects.
    for (const name of ['iss', 'iat', 'exp', 'sub', 'context']) if (next() < 0.06) payload[name] = odd();
    for (const name of ['iss', 'iat', 'exp']) if (next() < 0.03) delete payload[name];
    return payload;
  };
  const header = () => {
    const alg = next() < 0.85 ? 'HS256' : pick(['HS384', 'HS512', 'none', 'RS256', 'hs256', '', null, 256]);
    const fields: Record<string, unknown> = { alg, typ: pick(['JWT', 'JWT', 'jwt', undefined, 'JOSE']) };
    if (alg === undefined || next() < 0.02) delete fields.alg;
    const text = JSON.stringify(fields);
    // Python hosts put spaces in; some tokens carry a header that is not an object at all.
    if (next() < 0.9) return pick([text, text, JSON.stringify(fields, null, 1), `${text} `]);
    return pick(['[]', 'null', '"HS256"', '{"alg":"HS256"', '{"alg":"HS256","alg":"none"}']);
  };
  /** One token: mostly well signed, then spoiled one way or another. */
  return (): string => {
    const headerText = header();
    const payloadText = next() < 0.97 ? JSON.stringify(claims()) : pick(['[]', 'null', '42', '"s"', '{', 'not json', '{"iss":1}']);
    const secret = next() < 0.9 ? installation.oauthSecret : pick(['wrong-secret', `${installation.oauthSecret}x`, '']);
    const algorithm = pick(['sha256', 'sha256', 'sha256', 'sha256', 'sha384', 'sha512']);
    const input = `${b64(headerText)}.${b64(payloadText)}`;
    const token = `${input}.${secret === '' ? '' : hmac(algorithm, input, secret)}`;
    return spoil(token);
  };
  function spoil(token: string): string {
    const [h = '', p = '', s = ''] = token.split('.');
    switch (Math.floor(next() * 40)) {
      case 0: return `${h}.${p}`;
      case 1: return `${h}.${p}.${s}.${s}`;
      case 2: return `${h}.${p}.${s}=`;
      case 3: return `${h}.${p}.${s.slice(0, -1)}`;
      // The last character of a 32-byte signature carries two spare bits: the same bytes, other text.
      case 4: return `${h}.${p}.${s.slice(0, -1)}${String.fromCharCode(s.charCodeAt(s.length - 1) ^ 1)}`;
      case 5: return `${h}.${p}x.${s}`;
      case 6: return `${h}.${b64(JSON.stringify({ iss: installation.oauthId, iat: now, exp: now + 60 }))}.${s}`;
      case 7: return `${h}.${p}.${s.replace(/./, (c) => (c === 'A' ? 'B' : 'A'))}`;
      case 8: return `${h}+.${p}.${s}`;
      case 9: return ` ${token}`;
      case 10: return `${h}..${s}`;
      case 11: return token.slice(0, int(0, token.length));
      case 12: return `${h}.${p}.${s}${s}`;
      default: return token;
    }
  }
}

async function outcome(token: string, options: VerifyOptions): Promise<string> {
  return verifyToken(token, options).then(
    ({ claims }) => `verified ${JSON.stringify(claims)}`,
    (error: { code?: string; message: string }) => error.code ?? `uncoded ${error.message}`,
  );
}

describe('the HMAC signature check against jsonwebtoken (the verifier of record)', () => {
  it(`agrees on ${TOKENS.toLocaleString('en')} generated tokens: accept or reject, error code, claims`, async () => {
    const make = generator(random(11));
    const seen = new Map<string, number>();
    const disagreements: string[] = [];
    for (let index = 0; index < TOKENS; index++) {
      const token = make();
      const [mine, record] = await Promise.all([outcome(token, fast), outcome(token, ofRecord)]);
      const kind = record.split(' ', 1)[0]!;
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      if (mine !== record && disagreements.length < 5) disagreements.push(`#${index} ${token}: ${mine} ≠ ${record}`);
    }
    expect(disagreements).toEqual([]);
    // The generator reaches every kind of outcome, and each often enough to mean something.
    const rare = ['verified', 'JWT_MALFORMED', 'JWT_SIGNATURE_INVALID', 'JWT_ALGORITHM_NOT_ALLOWED', 'JWT_EXPIRED',
      'JWT_ISSUED_IN_FUTURE', 'JWT_TOO_OLD', 'JWT_NOT_YET_VALID', 'JWT_CLAIM_MISSING', 'JWT_CLAIM_INVALID', 'JWT_UNKNOWN_ISSUER'].filter((code) => (seen.get(code) ?? 0) < 300);
    expect({ rare, seen: Object.fromEntries(seen) }).toEqual({ rare: [], seen: expect.anything() });
  }, 120_000);
});
