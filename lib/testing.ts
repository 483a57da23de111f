/**
 * Helpers for add-on authors' tests (`hipchat-connect/testing`): an installation to store, tokens signed
 * the way a host signs them, and the emulator to meet a real host over HTTP.
 */
import jwt from 'jsonwebtoken';
import type { Installation } from './core/installation';

export { startEmulator, type Emulator, type EmulatorOptions } from './emulator';
export type {
  ApiExchange, Conversation, GlanceState, HistoryMessage, LimitChanges, PersonalGrant, PostMessageRequest, RoomGrant, TokenGrant, WebhookDelivery,
} from './emulator';
export { MemoryStore } from './stores/memory';

/** A stored installation as the lifecycle would have written it; override what the test cares about. */
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

/**
 * Signs claims as a host does (HS256 with the installation's secret; iss, sub, iat, exp of one hour,
 * jti, context). A claim set to `undefined` is left out, to test what a verifier does without it.
 */
export function signHostToken(installation: Installation, claims: Record<string, unknown> = {}, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const merged = { iss: installation.oauthId, sub: '7', iat: nowSeconds, exp: nowSeconds + 3600, jti: 'j1', context: { room_id: installation.roomId ?? 42, user_tz: 'UTC' }, ...claims };
  const payload = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
  // jsonwebtoken adds a missing iat unless told not to, and drops a given one when told not to.
  return jwt.sign(payload, installation.oauthSecret, { algorithm: 'HS256', noTimestamp: payload.iat === undefined });
}
