/** What a running ngrok agent's local API says about the add-on's port. */
type AgentFinding =
  | { kind: 'none' }
  | { kind: 'tunnel'; url: string }
  /** An agent runs, but none of its https tunnels points at this port. */
  | { kind: 'elsewhere'; tunnels: Array<{ url: string; addr: string }> };

interface AgentTunnel {
  public_url?: unknown;
  proto?: unknown;
  config?: { addr?: unknown };
}

export const NGROK_AGENT_API = 'http://127.0.0.1:4040';

/**
 * Asks a running ngrok agent (`ngrok http 3000`) for its tunnels, at `GET {api}/api/tunnels`, and picks
 * the https one that forwards to the add-on's port. No agent answering is the common case and costs
 * a refused connection on loopback; a slow one is given up on after `timeoutMs`.
 */
export async function findAgentTunnel(apiUrl: string, port: number, timeoutMs = 1000): Promise<AgentFinding> {
  let tunnels: AgentTunnel[];
  try {
    const response = await fetch(`${apiUrl.replace(/\/+$/, '')}/api/tunnels`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { kind: 'none' };
    const body = (await response.json()) as { tunnels?: unknown };
    tunnels = Array.isArray(body.tunnels) ? (body.tunnels as AgentTunnel[]) : [];
  } catch {
    return { kind: 'none' };
  }
  const https = tunnels.flatMap((tunnel) =>
    typeof tunnel.public_url === 'string' && tunnel.public_url.startsWith('https://') && typeof tunnel.config?.addr === 'string'
      ? [{ url: tunnel.public_url.replace(/\/+$/, ''), addr: tunnel.config.addr }]
      : []);
  const mine = https.find((tunnel) => portOf(tunnel.addr) === port);
  if (mine) return { kind: 'tunnel', url: mine.url };
  return https.length === 0 ? { kind: 'none' } : { kind: 'elsewhere', tunnels: https };
}

/** The port of an agent's `addr`: `http://localhost:3000`, `localhost:3000`, `3000`; 80/443 when only a scheme says. */
export function portOf(addr: string): number | undefined {
  if (/^\d+$/.test(addr)) return Number(addr);
  const withScheme = /^[a-z]+:\/\//i.test(addr) ? addr : `http://${addr}`;
  try {
    const url = new URL(withScheme);
    if (url.port !== '') return Number(url.port);
    return url.protocol === 'https:' ? 443 : 80;
  } catch {
    return undefined;
  }
}
