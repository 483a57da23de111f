import { randomUUID } from 'node:crypto';
import type { Installation } from '../../lib/core/installation';
import { signHostToken } from '../../lib/testing';

/** More than any bounded cache of tokens, signatures or decoded headers in the path should hold. */
export const POOL_SIZE = 6_000;

/**
 * Tokens signed as a host signs each request: every one its own `jti`, and `iat` spread over the last
 * 50 minutes (two a second, so within the add-on's one-hour `maxAge`), so no two are the same text and
 * none verifies by a cached result. The pool is drawn from round-robin, one token per request.
 */
export function tokenPool(installation: Installation, size = POOL_SIZE, nowSeconds = Math.floor(Date.now() / 1000)): string[] {
  return Array.from({ length: size }, (_, index) => {
    const iat = nowSeconds - Math.floor(index / 2);
    return signHostToken(installation, { jti: randomUUID(), iat, exp: iat + 3600 }, iat);
  });
}
