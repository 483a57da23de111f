import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Claims } from '../claims';
import type { Installation } from '../installation';

/**
 * The add-on's own short-lived token for its pages' XHR calls (protocol section 6, last paragraph):
 * signed with the installation's secret so `authenticate()` verifies it exactly like a host token.
 */
export function issuePageToken(installation: Installation, claims: Claims, ttlSeconds: number, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const payload: Record<string, unknown> = { iss: installation.oauthId, iat, exp: iat + ttlSeconds, jti: randomUUID() };
  if (claims.sub !== undefined) payload.sub = claims.sub;
  if (claims.context !== undefined) payload.context = claims.context;
  return jwt.sign(payload, installation.oauthSecret, { algorithm: 'HS256' });
}
