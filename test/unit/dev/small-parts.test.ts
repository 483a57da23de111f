import { addonEnvironment } from '../../../lib/dev/start';
import { pickRoom, webUiUrl } from '../../../lib/dev/rooms';
import { portOf } from '../../../lib/dev/tunnel/agent';
import { checkTunnelUrl } from '../../../lib/dev/tunnel/choose';
import { borrowedTunnel } from '../../../lib/dev/tunnel/tunnel';
import { trustProxyFromEnv } from '../../../lib/express/trust-proxy';

describe('the add-on\'s environment', () => {
  it('sets the port, loopback, the base URL and development mode, keeping the author\'s NODE_ENV', () => {
    expect(addonEnvironment(3001, 'http://127.0.0.1:3001', undefined, { PATH: '/bin', HOST: '0.0.0.0' })).toEqual({
      PATH: '/bin', PORT: '3001', HOST: '127.0.0.1', HIPCHAT_CONNECT_BASE_URL: 'http://127.0.0.1:3001', NODE_ENV: 'development',
    });
    expect(addonEnvironment(3001, 'http://127.0.0.1:3001', undefined, { NODE_ENV: 'test' }).NODE_ENV).toBe('test');
  });

  it('trusts a proxy on loopback only behind a tunnel', () => {
    const env = addonEnvironment(3001, 'https://abc.ngrok-free.app', borrowedTunnel('https://abc.ngrok-free.app/', '--tunnel-url'), {});
    expect(env).toMatchObject({ HIPCHAT_CONNECT_BASE_URL: 'https://abc.ngrok-free.app', HIPCHAT_CONNECT_TRUST_PROXY: 'loopback' });
  });
});

describe('HIPCHAT_CONNECT_TRUST_PROXY', () => {
  it.each([[undefined, undefined], ['', undefined], ['true', true], ['false', false], ['2', 2], ['loopback', 'loopback'], ['10.0.0.0/8, loopback', '10.0.0.0/8, loopback']])(
    '%j is trust proxy %j', (value, expected) => {
      expect(trustProxyFromEnv(value)).toBe(expected);
    });
});

describe('--room', () => {
  const rooms = [{ id: 1, name: 'Lobby' }, { id: 2, name: 'Engineering' }];
  it('is the first room by default, else a room by id or by name in any case', () => {
    expect(pickRoom(rooms, undefined)).toBe(rooms[0]);
    expect(pickRoom(rooms, '2')).toBe(rooms[1]);
    expect(pickRoom(rooms, 'engineering')).toBe(rooms[1]);
    expect(webUiUrl('http://127.0.0.1:8008', rooms[1]!)).toBe('http://127.0.0.1:8008/?room=2&user=1');
  });
  it('names the rooms there are when it names none of them', () => {
    expect(() => pickRoom(rooms, 'Kitchen')).toThrow('--room Kitchen: the host has no such room; it has "Lobby" (1), "Engineering" (2)');
  });
});

describe('tunnel URLs', () => {
  it.each([['http://localhost:3000', 3000], ['localhost:8080', 8080], ['3000', 3000], ['https://localhost', 443], ['http://127.0.0.1', 80], ['::not a url', undefined]])(
    'an ngrok agent\'s addr %j is port %j', (addr, port) => {
      expect(portOf(addr)).toBe(port);
    });

  it('takes --tunnel-url without its trailing slash, and refuses what cannot be a base URL', () => {
    expect(checkTunnelUrl('https://abc.ngrok-free.app/')).toBe('https://abc.ngrok-free.app');
    for (const bad of ['abc.ngrok-free.app', 'ftp://abc.example', 'https://abc.example/?x=1']) {
      expect(() => checkTunnelUrl(bad)).toThrow(expect.objectContaining({ code: 'OPTION_INVALID', details: { option: '--tunnel-url' } }));
    }
  });
});
