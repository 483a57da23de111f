import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ERROR_CODES, type Installation } from 'hipchat-connect';

/** Tokens as an attacker or a broken host may send them: any header, any payload, signed or not. */
export const encodeSegment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signed with the installation's secret whatever the header and payload say: a broken host's token. */
export function signAsIs(installation: Installation, header: unknown, payload: unknown): string {
  const input = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  return `${input}.${createHmac('sha256', installation.oauthSecret).update(input).digest('base64url')}`;
}

/** Any UTF-16 code unit, lone surrogates included (JSON may carry them, and did reach a store key). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
export const anyText = fc.string({ unit: anyCodeUnit, maxLength: 24 });

/** A JSON value of any shape, with strings holding any code unit. */
export const anyJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' },
    fc.constant(null), fc.boolean(), fc.double(), fc.integer(), anyText,
    fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(anyText, tie('value'), { maxKeys: 3 })),
})).value;

/** Claims near a valid set: each claim the toolkit reads is valid, absent, or any JSON at all. */
export function claimsNear(installation: Installation): fc.Arbitrary<Record<string, unknown>> {
  const now = Math.floor(Date.now() / 1000);
  const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, fc.constant(undefined), anyJson);
  return fc.record({
    iss: fc.oneof(fc.constant(installation.oauthId), anyText, anyJson),
    iat: maybe(fc.integer({ min: now - 7200, max: now + 7200 })),
    exp: maybe(fc.integer({ min: now - 7200, max: now + 7200 })),
    nbf: maybe(fc.integer({ min: now - 7200, max: now + 7200 })),
    sub: maybe(fc.oneof(fc.string(), fc.integer())),
    prn: maybe(fc.string()),
    jti: maybe(fc.string()),
    context: maybe(fc.record({ room_id: maybe(fc.oneof(fc.integer(), fc.string())), user_tz: maybe(fc.string()), tz: maybe(fc.string()) })),
  }).map((claims) => Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)));
}

const headerNearHs256 = fc.oneof(
  fc.constant({ alg: 'HS256', typ: 'JWT' }),
  fc.record({ alg: anyJson, typ: fc.oneof(fc.constant('JWT'), anyJson) }),
  anyJson,
);

const base64urlChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'.split(''));

/** Tokens no one may be let in with: unsigned, signed with another secret, or plain garbage. */
export function forgedToken(installation: Installation): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(headerNearHs256, fc.oneof(claimsNear(installation), anyJson)).map(([header, payload]) => `${encodeSegment(header)}.${encodeSegment(payload)}.`),
    fc.tuple(headerNearHs256, claimsNear(installation)).map(([header, payload]) => signAsIs({ ...installation, oauthSecret: 'guessed' }, header, payload)),
    fc.string({ unit: base64urlChars, maxLength: 300 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((text) => text.trim()),
  );
}

/** Tokens signed with the right secret over headers and claims of any type: a 2xx or a coded 401. */
export function signedToken(installation: Installation): fc.Arbitrary<string> {
  return fc.tuple(headerNearHs256, claimsNear(installation)).map(([header, payload]) => signAsIs(installation, header, payload));
}

/** Whether an answer is a coded refusal: a 4xx whose JSON body names a code of ours with that status. */
export function isCodedRefusal(status: number, body: unknown): boolean {
  const error = (body as { error?: { code?: unknown; status?: unknown } } | null)?.error;
  return status >= 400 && status < 500 && error?.status === status && (ERROR_CODES as readonly unknown[]).includes(error.code);
}
