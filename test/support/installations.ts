import type { Installation } from 'hipchat-connect';
import type { VerifyOptions } from '../../lib/core/jwt/verify';

export { fakeInstallation, signHostToken as hostToken } from '../../lib/testing';

/** A token with `alg: none` and no signature: what an attacker sends hoping for a lax verifier. */
export function unsignedToken(payload: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

/** Verification at a fixed clock, knowing one installation: the protocol's 60 s tolerance, a one-hour maxAge. */
export function fixedVerifyOptions(installation: Installation, nowSeconds: number): VerifyOptions {
  return {
    findInstallation: async (oauthId) => (oauthId === installation.oauthId ? installation : undefined),
    clockToleranceSeconds: 60,
    maxAgeSeconds: 3600,
    now: () => nowSeconds * 1000,
  };
}
