import { HIPCHAT_CLOUD, LOOPBACK_HOSTS } from 'hipchat-connect';
import { HostAllowlist, hostRefusal } from '../../../../lib/core/install/host-allowlist';

describe('HostAllowlist', () => {
  const cloudOnly = new HostAllowlist([HIPCHAT_CLOUD]);
  const development = new HostAllowlist([HIPCHAT_CLOUD, ...LOOPBACK_HOSTS]);

  it.each([
    ['https://api.hipchat.com/v2/capabilities', true],
    ['https://api.hipchat.com:443/v2/capabilities', true],
    ['http://api.hipchat.com/v2/capabilities', false],
    ['https://api.hipchat.com.evil.example/v2', false],
    ['https://evil.example/?https://api.hipchat.com', false],
    ['http://127.0.0.1:8008/v2/capabilities', false],
    ['not a url', false],
  ])('HipChat Cloud only: %s → %s', (url, allowed) => {
    expect(cloudOnly.allows(url)).toBe(allowed);
  });

  it('adds loopback on any port in development', () => {
    expect(development.allows('http://127.0.0.1:8008/v2/capabilities')).toBe(true);
    expect(development.allows('http://localhost:1234/x')).toBe(true);
    expect(development.allows('http://[::1]:9/x')).toBe(true);
    expect(development.allows('http://10.0.0.1:8008/x')).toBe(false);
  });

  it('lets a * stand for the leftmost labels of a self-hosted farm', () => {
    const farm = new HostAllowlist(['https://*.chat.example.com']);
    expect(farm.allows('https://eu.chat.example.com/v2')).toBe(true);
    expect(farm.allows('https://chat.example.com/v2')).toBe(false);
    expect(farm.allows('https://eu.chat.example.com.evil.io/v2')).toBe(false);
  });

  it('names the option at fault', () => {
    expect(() => new HostAllowlist(['https://ok.example', 'ftp://x'])).toThrow('options.allowedHosts[1]');
  });
});

describe('hostRefusal', () => {
  it('offers development mode only for a loopback host, the allowlist always', () => {
    expect(hostRefusal('https://hipchat.example.com/v2/capabilities'))
      .toBe('This add-on does not accept installations from https://hipchat.example.com: to allow them, add "https://hipchat.example.com" to the allowedHosts option');
    expect(hostRefusal('http://localhost:8008/v2/capabilities')).toContain('start it with NODE_ENV=development (or the option development: true)');
  });
});
