import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ConnectError } from '../../errors';
import type { UntrustedToken } from './decode';

/**
 * Checks a token's signature with the installation's secret and returns its payload, or throws
 * (anything but a ConnectError means "does not verify"). Called only after `decodeUntrusted` accepted
 * the token's shape, its header and payload as JSON objects, and `alg` as HS256.
 */
export type SignatureCheck = (token: string, secret: KeyObject, decoded: UntrustedToken) => Record<string, unknown>;

/**
 * The check on every request: one HMAC-SHA256 over `header.payload`, compared in constant time with
 * the signature segment as text. That is jws's rule for jsonwebtoken exactly (base64url without
 * padding, compared as text, so a signature with other trailing bits is refused too), without
 * jsonwebtoken decoding the token a second time and re-checking its options on each call, which cost
 * three times the HMAC. `test/unit/core/jwt/signature-differential.test.ts` holds it to `byJsonwebtoken`
 * on 100,000 generated tokens.
 */
export const byHmac: SignatureCheck = (token, secret, decoded) => {
  const dot = token.lastIndexOf('.');
  const expected = createHmac('sha256', secret).update(token.slice(0, dot)).digest('base64url');
  const given = token.slice(dot + 1);
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) throw new Error('invalid signature');
  return decoded.payload;
};

/**
 * The verifier of record: jsonwebtoken, HS256 pinned. Times are not its to check (`checkTimes` does,
 * with the add-on's clock and codes).
 */
export const byJsonwebtoken: SignatureCheck = (token, secret) => {
  const payload = jwt.verify(token, secret, { algorithms: ['HS256'], ignoreExpiration: true, ignoreNotBefore: true });
  if (typeof payload === 'string') throw new ConnectError('JWT_MALFORMED', 'JWT payload is not a JSON object');
  return payload as Record<string, unknown>;
};
