import { invalidOption } from '../../errors';

/** HipChat Cloud: the only host an add-on trusts unless told otherwise. */
export const HIPCHAT_CLOUD = 'https://api.hipchat.com';

/** Added in development so that the emulator on this machine can install the add-on. */
export const LOOPBACK_HOSTS = ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'];

/**
 * A list of origins the add-on accepts installations from. An entry is an origin, where `*` may stand
 * for the port (`http://127.0.0.1:*`) or for the leftmost labels of the host
 * (`https://*.hipchat.example.com`, for self-hosted HipChat Server farms).
 */
export class HostAllowlist {
  private readonly patterns: RegExp[];

  constructor(readonly entries: readonly string[]) {
    this.patterns = entries.map((entry, index) => toPattern(entry, `allowedHosts[${index}]`));
  }

  allows(url: string): boolean {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return false;
    }
    return this.patterns.some((pattern) => pattern.test(origin));
  }
}

/**
 * Why an install from `url` is refused, and the ways to allow it, in words fit for the add-on's log and
 * for the host's installer alike: development mode only helps for a loopback host.
 */
export function hostRefusal(url: string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return `This add-on refuses the install: its capabilitiesUrl ${JSON.stringify(url)} is not a URL`;
  }
  const byList = `add "${origin}" to the allowedHosts option`;
  const loopback = LOOPBACK_HOSTS.some((entry) => new HostAllowlist([entry]).allows(origin));
  const ways = loopback ? `start it with NODE_ENV=development (or the option development: true), which accepts loopback hosts, or ${byList}` : byList;
  return `This add-on does not accept installations from ${origin}: to allow them, ${ways}`;
}

const ENTRY = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d+|\*))?$/i;

function toPattern(entry: string, option: string): RegExp {
  const match = ENTRY.exec(entry);
  if (!match) throw invalidOption(option, 'an origin such as "https://hipchat.example.com" (a "*" may stand for the port or the leftmost labels)');
  const [, scheme, wildcardLabels, host, port] = match as unknown as [string, string, string | undefined, string, string | undefined];
  const escapedHost = host.toLowerCase().replace(/[.[\]]/g, (c) => `\\${c}`);
  const labels = wildcardLabels ? '(?:[a-z0-9-]+\\.)+' : '';
  const defaultPort = scheme === 'https' ? '443' : '80';
  // URL.origin drops a default port, so an entry naming it must match the origin without one.
  const portPart = port === '*' ? '(?::\\d+)?' : port && port !== defaultPort ? `:${port}` : '';
  return new RegExp(`^${scheme.toLowerCase()}://${labels}${escapedHost}${portPart}$`);
}
