import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { ConnectError } from '../../errors';
import type { Claims } from './claims';
import type { Verified } from './verify';

/** How long the add-on's own page tokens live, one by one and as a chain of refreshes. */
export interface PageTokenPolicy {
  /** The life of one page token (`jwt.pageTokenTtlSeconds`). */
  ttlSeconds: number;
  /**
   * How long a page may keep trading tokens for fresh ones, counted from the host-signed token its session
   * started from (`jwt.pageSessionSeconds`). Without this bound, one leaked page token could be refreshed
   * forever; with it, a page open longer asks the host for a new token (`HipChat.auth.withToken`).
   */
  sessionSeconds: number;
}

/** When the session began: the `iat` of the host token it started from, carried along by every page token. */
const SESSION_CLAIM = 'session_iat';

export interface PageToken {
  token: string;
  /** Seconds the token is valid for from now. */
  expiresIn: number;
}

/**
 * The add-on's own short-lived token for its pages' XHR calls (docs/protocol.md#page-tokens):
 * signed with the installation's secret so `authenticate()` verifies it exactly like a host token. It
 * carries the same installation, user and room as the token it was made from, and never outlives the
 * session policy: its `exp` is the earlier of its own life and the end of the session.
 */
export function issuePageToken({ installation, claims }: Verified, policy: PageTokenPolicy, nowMs: number): PageToken {
  const iat = Math.floor(nowMs / 1000);
  const session = sessionStart(claims);
  const exp = Math.min(iat + policy.ttlSeconds, session + policy.sessionSeconds);
  const payload: Record<string, unknown> = { iss: installation.oauthId, iat, exp, jti: randomUUID(), [SESSION_CLAIM]: session };
  if (claims.sub !== undefined) payload.sub = claims.sub;
  if (claims.context !== undefined) payload.context = claims.context;
  return { token: jwt.sign(payload, installation.oauthSecret, { algorithm: 'HS256' }), expiresIn: Math.max(0, exp - iat) };
}

/**
 * A page's refresh: a fresh page token for a still-valid one (verified by the caller), refused once the
 * session is over, so the refresh route never hands out a token that is dead on arrival.
 */
export function refreshPageToken(verified: Verified, policy: PageTokenPolicy, nowMs: number): PageToken {
  if (sessionStart(verified.claims) + policy.sessionSeconds <= Math.floor(nowMs / 1000)) {
    throw new ConnectError('PAGE_SESSION_EXPIRED', `The page session is older than ${policy.sessionSeconds} s; get a new token from the host`);
  }
  return issuePageToken(verified, policy, nowMs);
}

/** A session cannot have begun after the token that carries it was issued; a claim saying so is ignored. */
function sessionStart(claims: Claims): number {
  const start = claims[SESSION_CLAIM];
  return typeof start === 'number' && Number.isFinite(start) && start <= claims.iat ? start : claims.iat;
}

/** The policy as the add-on's options state it. */
export function pageTokenPolicy(options: { pageTokenTtlSeconds: number; pageSessionSeconds: number }): PageTokenPolicy {
  return { ttlSeconds: options.pageTokenTtlSeconds, sessionSeconds: options.pageSessionSeconds };
}
