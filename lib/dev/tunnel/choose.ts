import { ConnectError } from '../../errors';
import { findAgentTunnel } from './agent';
import { openNgrokTunnel } from './ngrok';
import { borrowedTunnel, type Tunnel } from './tunnel';

interface TunnelChoice {
  /** `--tunnel`: ngrok opens one, none turns the agent look-up off; unset: look for a running agent. */
  tunnel?: 'ngrok' | 'none';
  tunnelUrl?: string;
  ngrokApi: string;
  port: number;
  say: (line: string) => void;
}

/** The tunnel the flags ask for, or a running ngrok agent's for this port, or none. */
export async function chooseTunnel(choice: TunnelChoice): Promise<Tunnel | undefined> {
  if (choice.tunnelUrl !== undefined) return borrowedTunnel(choice.tunnelUrl, '--tunnel-url');
  if (choice.tunnel === 'ngrok') return openNgrokTunnel({ port: choice.port });
  if (choice.tunnel === 'none') return undefined;
  const finding = await findAgentTunnel(choice.ngrokApi, choice.port);
  if (finding.kind === 'tunnel') {
    choice.say(`Found a running ngrok agent (${choice.ngrokApi}) with a tunnel to port ${choice.port}: using ${finding.url} (--tunnel none to ignore it)`);
    return borrowedTunnel(finding.url, `the ngrok agent at ${choice.ngrokApi}`);
  }
  if (finding.kind === 'elsewhere') {
    const list = finding.tunnels.map((tunnel) => `${tunnel.url} → ${tunnel.addr}`).join(', ');
    choice.say(`A running ngrok agent (${choice.ngrokApi}) has no tunnel to port ${choice.port} (it has ${list}); running without a tunnel. Start one with: ngrok http ${choice.port}`);
  }
  return undefined;
}

/** `--tunnel-url`: an absolute http(s) URL with nothing after the host but an optional path. */
export function checkTunnelUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUrl(value);
  }
  if (!/^https?:$/.test(url.protocol) || url.search !== '' || url.hash !== '') throw badUrl(value);
  return value.replace(/\/+$/, '');
}

function badUrl(value: string): ConnectError {
  return new ConnectError('OPTION_INVALID', `--tunnel-url must be the tunnel's public http(s) URL, like https://abc.ngrok-free.app; got ${value}`, { details: { option: '--tunnel-url' } });
}
