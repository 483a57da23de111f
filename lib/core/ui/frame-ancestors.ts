/**
 * The CSP `frame-ancestors` sources that let the host's web client frame the add-on's pages
 * (docs/protocol.md#framing), built from the host allowlist. Its entries are already CSP host-sources: an
 * origin, with `*` for the port (`http://127.0.0.1:*`) or the leftmost labels
 * (`https://*.hipchat.example.com`). IPv6 literals (`http://[::1]:*`) have no CSP form and are left out; with
 * nothing left, nothing may frame.
 */
export function frameAncestors(allowedHosts: readonly string[]): string[] {
  const sources = allowedHosts.filter((host) => !host.includes('['));
  return sources.length > 0 ? sources : ["'none'"];
}
