export { fakeInstallation, signHostToken as hostToken } from '../../lib/testing';

/** A token with `alg: none` and no signature: what an attacker sends hoping for a lax verifier. */
export function unsignedToken(payload: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
