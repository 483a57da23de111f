import { ConnectError } from '../../errors';

const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface UntrustedToken {
  alg: unknown;
  iss: string;
  /** Trusted only once the signature is checked. */
  payload: Record<string, unknown>;
}

/**
 * Reads the header's `alg` and the payload's `iss` without trusting either: `iss` only chooses which
 * installation's secret to verify with, and `alg` is refused unless it is the pinned HS256.
 * Parsing (not comparing text) copes with headers formatted with spaces, as Python hosts sent them.
 */
export function decodeUntrusted(token: string): UntrustedToken {
  if (!SHAPE.test(token)) throw new ConnectError('JWT_MALFORMED', 'JWT must be three base64url segments');
  const [header, payload] = token.split('.') as [string, string, string];
  const headerJson = parseSegment(header, 'header');
  const payloadJson = parseSegment(payload, 'payload');
  const iss = payloadJson.iss;
  if (typeof iss !== 'string' || iss === '') throw new ConnectError('JWT_CLAIM_MISSING', 'JWT has no "iss" claim');
  return { alg: headerJson.alg, iss, payload: payloadJson };
}

function parseSegment(segment: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new ConnectError('JWT_MALFORMED', `JWT ${name} is not base64url-encoded JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConnectError('JWT_MALFORMED', `JWT ${name} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}
