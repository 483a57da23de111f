import { ConnectError } from '../../errors';

/** The verified claims of a host-signed JWT (docs/protocol.md#jwt-claims), normalised across host versions. */
export interface Claims {
  /** The installation's oauthId. */
  iss: string;
  /** The HipChat user id; older hosts sent `prn`, which is copied here. */
  sub?: string;
  iat: number;
  exp: number;
  jti?: string;
  context?: ClaimsContext;
  [claim: string]: unknown;
}

export interface ClaimsContext {
  room_id?: number | string;
  /** The user's time zone; older hosts sent `tz`, which is copied here. */
  user_tz?: string;
  [field: string]: unknown;
}

/**
 * Requires `iss`, `iat`, `exp`, checks the type of every other claim the toolkit reads, and maps what
 * older hosts sent (`prn` for `sub`, `context.tz` for `context.user_tz`, numeric user ids) onto one
 * shape, so handlers never see host differences. A claim of the wrong type is a refusal here, not a
 * surprise (a 500) wherever it is first used: the token's signature says who sent it, not that the
 * sender's software is correct.
 */
export function normaliseClaims(payload: Record<string, unknown>): Claims {
  const { iss, iat, exp } = payload;
  if (typeof iss !== 'string' || iss === '') throw missing('iss');
  if (!isTime(iat)) throw missing('iat');
  if (!isTime(exp)) throw missing('exp');
  if (payload.nbf !== undefined && !isTime(payload.nbf)) throw invalid('nbf', 'a number of seconds');
  if (payload.jti !== undefined && typeof payload.jti !== 'string') throw invalid('jti', 'a string');
  const subject = payload.sub ?? payload.prn;
  if (subject !== undefined && !isIdentifier(subject)) throw invalid(payload.sub === undefined ? 'prn' : 'sub', 'a string or a number');
  const claims: Claims = { ...payload, iss, iat, exp };
  if (subject !== undefined) claims.sub = String(subject);
  if (payload.context !== undefined) claims.context = normaliseContext(payload.context);
  return claims;
}

function normaliseContext(value: unknown): ClaimsContext {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('context', 'an object');
  const context = { ...(value as Record<string, unknown>) } as ClaimsContext;
  if (context.room_id !== undefined && !isRoomId(context.room_id)) throw invalid('context.room_id', 'a positive whole number');
  for (const field of ['user_tz', 'tz'] as const) {
    if (context[field] !== undefined && typeof context[field] !== 'string') throw invalid(`context.${field}`, 'a string');
  }
  if (context.user_tz === undefined && typeof context.tz === 'string') context.user_tz = context.tz;
  return context;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isIdentifier(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isSafeInteger(value));
}

/** Hosts sent room ids as numbers, and some as decimal strings. */
function isRoomId(value: unknown): value is number | string {
  const id = typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

function missing(claim: string): ConnectError {
  return new ConnectError('JWT_CLAIM_MISSING', `JWT has no valid "${claim}" claim`, { details: { claim } });
}

function invalid(claim: string, expected: string): ConnectError {
  return new ConnectError('JWT_CLAIM_INVALID', `JWT claim "${claim}" must be ${expected}`, { details: { claim } });
}
