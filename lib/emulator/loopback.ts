import { isIP } from 'node:net';
import { ConnectError } from '../errors';

/**
 * The emulator listens on and talks to this machine only: it hands out real credentials and signs real
 * tokens, and has no business sending them, or accepting requests, beyond loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** The URL, parsed, when it is http(s) on loopback; a HOST_NOT_ALLOWED error naming it otherwise. */
export function loopbackUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConnectError('HOST_NOT_ALLOWED', `${what} is not an absolute URL: ${url}`, { cause, details: { url } });
  }
  if (!/^https?:$/.test(parsed.protocol) || !isLoopbackHost(parsed.hostname)) {
    throw new ConnectError('HOST_NOT_ALLOWED', `${what} must be an http(s) URL on loopback, got ${url}`, { details: { url } });
  }
  return parsed;
}
