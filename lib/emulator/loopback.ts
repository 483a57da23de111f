import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ConnectError } from '../errors';

/**
 * The emulator listens on and talks to this machine only: it hands out real credentials and signs real
 * tokens, and has no business sending them, or accepting requests, beyond loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return true;
  return isLoopbackAddress(bare);
}

/** 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6 (`::ffff:127.0.0.1`). */
function isLoopbackAddress(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  if (isIP(address) !== 6) return false;
  const lower = address.toLowerCase();
  return lower === '::1' || (lower.startsWith('::ffff:') && isLoopbackAddress(lower.slice('::ffff:'.length)));
}

/** A host name is as good as loopback when it resolves to addresses that all are, and to at least one. */
export function allLoopback(addresses: readonly string[]): boolean {
  return addresses.length > 0 && addresses.every(isLoopbackAddress);
}

/**
 * The URL, parsed, when it is http(s) on loopback; a HOST_NOT_ALLOWED error naming it otherwise. A host
 * name is resolved: ACE's default base URL is the machine's host name, which /etc/hosts usually points
 * at 127.0.0.1. Every address the name resolves to must be loopback, or a name that also pointed
 * elsewhere could carry a token off the machine. The request itself resolves
 * the name again; on this machine only its own resolver could answer differently in between.
 */
export async function resolvedLoopbackUrl(url: string, what: string): Promise<URL> {
  const parsed = httpUrl(url, what);
  if (isLoopbackHost(parsed.hostname)) return parsed;
  // An address that is not loopback stays refused; only names are looked up.
  if (isIP(parsed.hostname.replace(/^\[|\]$/g, '')) !== 0) throw offLoopback(url, what);
  const addresses = await resolve(parsed.hostname);
  if (!allLoopback(addresses)) {
    const found = addresses.length === 0 ? 'it does not resolve' : `it resolves to ${addresses.join(', ')}`;
    throw offLoopback(url, what, `; ${parsed.hostname} must resolve to loopback addresses only, and ${found}`);
  }
  return parsed;
}

async function resolve(hostname: string): Promise<string[]> {
  try {
    return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

function httpUrl(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConnectError('HOST_NOT_ALLOWED', `${what} is not an absolute URL: ${url}`, { cause, details: { url } });
  }
  if (!/^https?:$/.test(parsed.protocol)) throw offLoopback(url, what);
  return parsed;
}

function offLoopback(url: string, what: string, why = ''): ConnectError {
  return new ConnectError('HOST_NOT_ALLOWED', `${what} must be an http(s) URL on loopback, got ${url}${why}`, { details: { url } });
}
