import { ConnectError } from '../../errors';
import type { Claims, ClaimsContext } from '../claims';

/**
 * Requires `iss`, `iat`, `exp` and maps what older hosts sent (`prn` for `sub`, `context.tz` for
 * `context.user_tz`, numeric user ids) onto one shape, so handlers never see host differences.
 */
export function normaliseClaims(payload: Record<string, unknown>): Claims {
  const { iss, iat, exp } = payload;
  if (typeof iss !== 'string' || iss === '') throw missing('iss');
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw missing('iat');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw missing('exp');
  const subject = payload.sub ?? payload.prn;
  const claims: Claims = { ...payload, iss, iat, exp };
  if (typeof subject === 'string' || typeof subject === 'number') claims.sub = String(subject);
  const context = normaliseContext(payload.context);
  if (context) claims.context = context;
  return claims;
}

function normaliseContext(value: unknown): ClaimsContext | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const context = { ...(value as ClaimsContext) };
  if (context.user_tz === undefined && typeof context.tz === 'string') context.user_tz = context.tz;
  return context;
}

function missing(claim: string): ConnectError {
  return new ConnectError('JWT_CLAIM_MISSING', `JWT has no valid "${claim}" claim`, { details: { claim } });
}
