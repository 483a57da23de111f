import { isConnectError } from 'hipchat-connect';
import { allLoopback, isLoopbackHost, resolvedLoopbackUrl } from '../../../lib/emulator/loopback';
import { resolveEmulatorOptions } from '../../../lib/emulator/options';

describe('loopback only', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])('accepts %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '10.0.0.1', '128.0.0.1', 'example.com', '127.0.0.1.example.com', '::', ''])('refuses %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('takes a host name for loopback only when every address it resolves to is loopback', () => {
    expect(allLoopback(['127.0.0.1'])).toBe(true);
    expect(allLoopback(['127.0.1.1', '::1', '::ffff:127.0.0.1'])).toBe(true);
    expect(allLoopback(['127.0.0.1', '192.168.1.20'])).toBe(false);
    expect(allLoopback(['::1', 'fe80::1'])).toBe(false);
    expect(allLoopback([])).toBe(false);
  });

  it('refuses to call a URL off this machine, or not over http', async () => {
    expect((await resolvedLoopbackUrl('http://127.0.0.1:3000/x', 'descriptor URL')).port).toBe('3000');
    for (const url of ['http://10.0.0.1/x', 'http://[::2]/x', 'http://no-such-host.invalid/x', 'file:///etc/passwd', 'not a url']) {
      await expect(resolvedLoopbackUrl(url, 'descriptor URL')).rejects.toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    }
  });

  it('refuses to listen beyond loopback, naming the option', () => {
    let caught: unknown;
    try {
      resolveEmulatorOptions({ host: '0.0.0.0' });
    } catch (error) {
      caught = error;
    }
    expect(isConnectError(caught, 'OPTION_INVALID') && caught.details).toEqual({ option: 'host' });
  });

  it.each([[{ port: -1 }, 'port'], [{ port: 1.5 }, 'port'], [{ tokenTtlSeconds: 0 }, 'tokenTtlSeconds']])('refuses %p', (options, option) => {
    expect(() => resolveEmulatorOptions(options)).toThrow(`options.${option}`);
  });
});
