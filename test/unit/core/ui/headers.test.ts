import { HostAllowlist } from '../../../../lib/core/install/host-allowlist';
import { glanceCorsHeaders } from '../../../../lib/core/ui/cors';
import { frameAncestors } from '../../../../lib/core/ui/frame-ancestors';
import { pageScriptTags } from '../../../../lib/core/ui/page-scripts';
import { pageHeaders, STRICT_HEADERS } from '../../../../lib/http/security-headers';

const asObject = (headers: typeof STRICT_HEADERS) => Object.fromEntries(headers.set);

describe('frame-ancestors built from the allowed hosts', () => {
  it('keeps origins and their wildcards, which are CSP host-sources as they are', () => {
    expect(frameAncestors(['https://api.hipchat.com', 'https://*.hipchat.example.com', 'http://127.0.0.1:*'])).toEqual(['https://api.hipchat.com', 'https://*.hipchat.example.com', 'http://127.0.0.1:*']);
  });

  it('leaves out IPv6 literals, which CSP cannot express', () => {
    expect(frameAncestors(['http://localhost:*', 'http://[::1]:*'])).toEqual(['http://localhost:*']);
  });

  it("lets nothing frame the pages when no host is left: 'none'", () => {
    expect(frameAncestors(['http://[::1]:8008'])).toEqual(["'none'"]);
  });
});

describe('security headers', () => {
  it('gives pages a CSP of frame-ancestors only, no X-Frame-Options, and helmet\'s other defaults', () => {
    const headers = pageHeaders(['https://hipchat.example.com', 'http://127.0.0.1:*']);
    const set = asObject(headers);
    expect(set['content-security-policy']).toBe('frame-ancestors https://hipchat.example.com http://127.0.0.1:*');
    expect(set).not.toHaveProperty('x-frame-options');
    expect(headers.removed).toEqual(expect.arrayContaining(['x-powered-by', 'x-frame-options']));
    expect(set).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });

  it('keeps helmet\'s strict defaults everywhere else: framing denied to all but the add-on itself', () => {
    const set = asObject(STRICT_HEADERS);
    expect(set['x-frame-options']).toBe('SAMEORIGIN');
    expect(set['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(set['content-security-policy']).toContain("default-src 'self'");
    expect(STRICT_HEADERS.removed).toEqual(['x-powered-by']);
  });
});

describe('glance CORS', () => {
  const hosts = new HostAllowlist(['https://hipchat.example.com', 'http://127.0.0.1:*']);

  it('echoes an allowed origin, never *', () => {
    expect(glanceCorsHeaders('http://127.0.0.1:8008', hosts, false)).toEqual({ vary: 'Origin', 'access-control-allow-origin': 'http://127.0.0.1:8008' });
  });

  it('answers a preflight from an allowed origin with the method and header it may use', () => {
    expect(glanceCorsHeaders('https://hipchat.example.com', hosts, true)).toMatchObject({
      'access-control-allow-origin': 'https://hipchat.example.com', 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'Authorization',
    });
  });

  it.each([['another origin', 'https://evil.example'], ['a look-alike', 'https://hipchat.example.com.evil.example'], ['null', 'null'], ['none', undefined]])(
    'grants nothing to %s',
    (_name, origin) => {
      expect(glanceCorsHeaders(origin, hosts, true)).toEqual({ vary: 'Origin' });
    },
  );
});

describe('pageScriptTags', () => {
  it('writes the host API first, then the helper carrying the token, escaping attributes', () => {
    const html = pageScriptTags({ hostScriptUrl: 'https://h.example/atlassian-connect/all.js', clientScriptUrl: 'https://a.example/hipchat-connect.js?v=1&x="2"', token: 'a.b.c' });
    expect(html).toBe('<script src="https://h.example/atlassian-connect/all.js"></script>\n'
      + '<script src="https://a.example/hipchat-connect.js?v=1&amp;x=&quot;2&quot;" data-token="a.b.c"></script>');
  });
});
