/**
 * Helpers for add-on authors' tests (`hipchat-connect/testing`): an installation to store, event
 * payloads to hand to `addon.receive()`, and requests signed the way a host signs them. A real host over
 * HTTP is the emulator's, `hipchat-connect/emulator`.
 */
import jwt from 'jsonwebtoken';
import type { Installation } from './core/installation';
import { tokenPlacement, type TokenForm } from './emulator/webhook-token';
import { FAKE } from './testing/fakes';

export type { TokenForm } from './emulator/webhook-token';
export { testEvent } from './testing/events';
/** Every problem with glance data against schemas/glance.schema.json (empty when valid), for a handler's tests. */
export { glanceDataProblems } from './core/glance';

/** A stored installation as the lifecycle would have written it; override what the test cares about. */
export function fakeInstallation(overrides: Partial<Installation> = {}): Installation {
  return {
    oauthId: FAKE.oauthId,
    oauthSecret: 'secret-of-installation-one-0123456789abcd',
    groupId: 1,
    groupName: 'Acme',
    roomId: FAKE.roomId,
    capabilitiesUrl: 'http://127.0.0.1:8008/v2/capabilities',
    tokenUrl: 'http://127.0.0.1:8008/v2/oauth/token',
    apiUrl: FAKE.apiUrl,
    installedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * Signs claims as a host does (HS256 with the installation's secret; iss, sub, iat, exp of one hour,
 * jti, context). A claim set to `undefined` is left out, to test what a verifier does without it.
 */
export function signHostToken(installation: Installation, claims: Record<string, unknown> = {}, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const merged = {
    iss: installation.oauthId, sub: String(FAKE.userId), iat: nowSeconds, exp: nowSeconds + 3600, jti: 'j1',
    context: { room_id: installation.roomId ?? FAKE.roomId, user_tz: 'UTC' }, ...claims,
  };
  const payload = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
  // jsonwebtoken adds a missing iat unless told not to, and drops a given one when told not to.
  return jwt.sign(payload, installation.oauthSecret, { algorithm: 'HS256', noTimestamp: payload.iat === undefined });
}

export interface SignRequestOptions {
  /** Where the token goes (docs/protocol.md#token-locations): `JWT <t>`, `JWT token=<t>`, or `?signed_request=<t>`. Default `header`. */
  form?: TokenForm;
  /** Claims that replace the defaults of `signHostToken`. */
  claims?: Record<string, unknown>;
  nowSeconds?: number;
}

export interface SignedRequest {
  token: string;
  /** For supertest's `.set()`. */
  headers: Record<string, string>;
  /** For supertest's `.query()`. */
  query: Record<string, string>;
}

/** A host-signed token placed as the host would place it, ready for `.set(signed.headers).query(signed.query)`. */
export function signRequest(installation: Installation, options: SignRequestOptions = {}): SignedRequest {
  const token = signHostToken(installation, options.claims, options.nowSeconds);
  return { token, ...tokenPlacement(token, options.form ?? 'header') };
}
