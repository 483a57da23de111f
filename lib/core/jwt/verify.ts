import type { KeyObject } from 'node:crypto';
import { ConnectError } from '../../errors';
import type { Installation } from '../installation';
import type { Claims } from './claims';
import { normaliseClaims } from './claims';
import { decodeUntrusted, type UntrustedToken } from './decode';
import { secretKeyOf } from './secret-key';
import { byHmac, type SignatureCheck } from './signature';

export interface VerifyOptions {
  /** Finds the installation named by `iss`; the only I/O of verification. */
  findInstallation(oauthId: string): Promise<Installation | undefined>;
  /** Seconds of clock skew allowed on `exp` and `iat` (protocol default 60). */
  clockToleranceSeconds: number;
  /** Oldest `iat` accepted, in seconds: bounds how long a leaked token can be replayed. */
  maxAgeSeconds: number;
  /** Milliseconds since the epoch. */
  now(): number;
  /** How the signature is checked; the differential test sets the verifier of record here. Default `byHmac`. */
  signature?: SignatureCheck;
}

export interface Verified {
  installation: Installation;
  claims: Claims;
}

const ALGORITHM = 'HS256';

export async function verifyToken(token: string, options: VerifyOptions): Promise<Verified> {
  const untrusted = decodeUntrusted(token);
  if (untrusted.alg !== ALGORITHM) {
    throw new ConnectError('JWT_ALGORITHM_NOT_ALLOWED', `JWT algorithm must be ${ALGORITHM}`, { details: { alg: describeAlg(untrusted.alg) } });
  }
  const installation = await options.findInstallation(untrusted.iss);
  if (!installation) throw new ConnectError('JWT_UNKNOWN_ISSUER', 'JWT issuer is not an installation of this add-on');

  const nowSeconds = Math.floor(options.now() / 1000);
  const payload = checkSignature(token, secretKeyOf(installation), untrusted, options.signature ?? byHmac);
  const claims = normaliseClaims(payload);
  checkTimes(claims, nowSeconds, options);
  return { installation, claims };
}

function checkSignature(token: string, secret: KeyObject, untrusted: UntrustedToken, check: SignatureCheck): Record<string, unknown> {
  try {
    return check(token, secret, untrusted);
  } catch (cause) {
    if (cause instanceof ConnectError) throw cause;
    throw new ConnectError('JWT_SIGNATURE_INVALID', 'JWT signature does not verify', { cause });
  }
}

function checkTimes(claims: Claims, nowSeconds: number, options: VerifyOptions): void {
  const tolerance = options.clockToleranceSeconds;
  if (claims.exp + tolerance < nowSeconds) throw new ConnectError('JWT_EXPIRED', 'JWT has expired');
  if (claims.iat - tolerance > nowSeconds) throw new ConnectError('JWT_ISSUED_IN_FUTURE', 'JWT was issued in the future');
  if (typeof claims.nbf === 'number' && claims.nbf - tolerance > nowSeconds) throw new ConnectError('JWT_NOT_YET_VALID', 'JWT is not valid yet (nbf)');
  if (nowSeconds - claims.iat > options.maxAgeSeconds + tolerance) {
    throw new ConnectError('JWT_TOO_OLD', `JWT was issued more than ${options.maxAgeSeconds} s ago`);
  }
}

/**
 * The refused `alg` as it may be echoed back: the header is anyone's, so only a short string is shown as
 * it is, and anything else by its JSON type (an object's own `toString` is never called).
 */
function describeAlg(alg: unknown): string {
  if (typeof alg === 'string') return alg.slice(0, 32);
  return alg === null ? 'null' : Array.isArray(alg) ? 'array' : typeof alg;
}
