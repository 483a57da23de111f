import jwt from 'jsonwebtoken';
import type { Installation } from '../../lib/core/installation';

/** A stored installation as the lifecycle would have written it, for tests that need one. */
export function fakeInstallation(overrides: Partial<Installation> = {}): Installation {
  return {
    oauthId: 'oauth-1',
    oauthSecret: 'secret-of-installation-one-0123456789abcd',
    groupId: 1,
    groupName: 'Acme',
    roomId: 42,
    capabilitiesUrl: 'http://127.0.0.1:8008/v2/capabilities',
    tokenUrl: 'http://127.0.0.1:8008/v2/oauth/token',
    apiUrl: 'http://127.0.0.1:8008/v2',
    installedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Signs claims the way a host does (HS256, the installation's secret), with overridable times. */
export function hostToken(installation: Installation, claims: Record<string, unknown> = {}, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const merged = { iss: installation.oauthId, sub: '7', iat: nowSeconds, exp: nowSeconds + 3600, jti: 'j1', context: { room_id: 42, user_tz: 'UTC' }, ...claims };
  // A claim set to undefined is left out; jsonwebtoken adds a missing iat unless told not to.
  const payload = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
  return jwt.sign(payload, installation.oauthSecret, { algorithm: 'HS256', noTimestamp: payload.iat === undefined });
}

/** A token with `alg: none` and no signature: what an attacker sends hoping for a lax verifier. */
export function unsignedToken(payload: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
