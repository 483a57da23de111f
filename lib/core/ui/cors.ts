import type { HostAllowlist } from '../install/host-allowlist';

/**
 * CORS for a glance's queryUrl (docs/protocol.md#glance-query): the host's web client reads it with a
 * cross-origin XHR. Only an origin on the host allowlist is granted, and it is echoed rather than answered
 * with `*`, so the answer varies by Origin. No credentials: the token travels in the URL, never in a cookie.
 */
export function glanceCorsHeaders(origin: string | undefined, hosts: HostAllowlist, preflight: boolean): Record<string, string> {
  const vary = { vary: 'Origin' };
  if (origin === undefined || !hosts.allows(origin)) return vary;
  const grant = { ...vary, 'access-control-allow-origin': origin };
  if (!preflight) return grant;
  // A host that sends the token as `Authorization: JWT …` instead of ?signed_request= needs a preflight.
  return { ...grant, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'Authorization', 'access-control-max-age': '600' };
}
