import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freeLoopbackPort } from '../../support/redis';
import { devEnvironment, emulatorCall, makeDevProject, say, startDev, type DevProject, type DevRun } from '../../support/dev-project';
import { getThroughTunnel, startTunnelProxy, TUNNEL_CA_FILE, type TunnelProxy } from '../../support/tunnel-proxy';

/**
 * dev behind a tunnel. No internet here, so a TLS-terminating reverse proxy on loopback stands in for
 * ngrok's edge (https://localhost:PORT, adding X-Forwarded-Proto and X-Forwarded-Host), and a small
 * HTTP server for a running ngrok agent's local API. The emulator that dev starts trusts the proxy's
 * certificate (NODE_EXTRA_CA_CERTS) and reaches the add-on only through it.
 */
jest.setTimeout(120_000);

interface Descriptor {
  links: { self: string };
  capabilities: {
    installable: { callbackUrl: string };
    webhook: Array<{ url: string }>;
    glance: Array<{ queryUrl: string; icon: { url: string } }>;
    webPanel: Array<{ url: string }>;
  };
}

let project: DevProject;
let tunnel: TunnelProxy;
let port: number;

beforeEach(async () => {
  project = makeDevProject();
  port = await freeLoopbackPort();
  tunnel = await startTunnelProxy(port);
});

afterEach(async () => {
  await tunnel.close();
  project.remove();
});

async function startBehindTunnel(args: string[]): Promise<{ dev: DevRun; emulatorUrl: string; oauthId: string }> {
  const dev = startDev(project, ['--port', String(port), '--emulator-port', '0', ...args], devEnvironment({ NODE_EXTRA_CA_CERTS: TUNNEL_CA_FILE }));
  const oauthId = (await dev.next(/Installed into room "Lobby" of \S+ \(oauthId (\S+)\)/))[1]!;
  const emulatorUrl = (await dev.next(/Web UI {6}(http:\/\/127\.0\.0\.1:\d+)\//))[1]!;
  await dev.next(/Watching /);
  return { dev, emulatorUrl, oauthId };
}

describe('--tunnel-url', () => {
  let dev: DevRun;
  afterEach(() => dev?.interrupt());

  it('puts the public URL in every URL of the descriptor, installs and answers webhooks through the tunnel', async () => {
    let emulatorUrl: string;
    let oauthId: string;
    ({ dev, emulatorUrl, oauthId } = await startBehindTunnel(['--tunnel-url', tunnel.url]));
    expect(dev.transcript()).toContain(`Public URL  ${tunnel.url} (from --tunnel-url)`);
    expect(dev.transcript()).toContain(`Descriptor  ${tunnel.url}/atlassian-connect.json`);

    const { body } = await getThroughTunnel(`${tunnel.url}/atlassian-connect.json`);
    const { links, capabilities } = JSON.parse(body) as Descriptor;
    const urls = [links.self, capabilities.installable.callbackUrl, ...capabilities.webhook.map((webhook) => webhook.url),
      ...capabilities.glance.flatMap((glance) => [glance.queryUrl, glance.icon.url]), ...capabilities.webPanel.map((panel) => panel.url)];
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) expect(url.startsWith(`${tunnel.url}/`)).toBe(true);

    // The install callback came through the tunnel, with the forwarding headers ngrok adds.
    expect(tunnel.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/installable', forwardedProto: 'https', forwardedHost: new URL(tunnel.url).host }));
    const [installation] = (await emulatorCall<{ items: Array<{ oauthId: string; descriptorUrl: string }> }>(emulatorUrl, 'GET', '/emulator/installations')).items;
    expect(installation).toMatchObject({ oauthId, descriptorUrl: `${tunnel.url}/atlassian-connect.json` });

    // A signed webhook through the tunnel verifies, and its reply reaches the room.
    expect(await say(emulatorUrl, '/echo through the tunnel')).toEqual(['echo: through the tunnel']);
    expect(tunnel.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: expect.stringMatching(/^\/webhooks\//), authorization: expect.stringMatching(/^JWT /) }));

    // A page and a glance query the host signs load through the tunnel too.
    const view = await emulatorCall<{ url: string }>(emulatorUrl, 'POST', '/emulator/ui/views', { oauthId, user: 1, room: 1, key: 'panel' });
    expect(view.url.startsWith(`${tunnel.url}/`)).toBe(true);
    expect(await getThroughTunnel(view.url)).toMatchObject({ status: 200, body: expect.stringContaining('The panel') });
    const glance = await emulatorCall<{ url: string }>(emulatorUrl, 'POST', '/emulator/ui/glance-queries', { oauthId, user: 1, room: 1, key: 'count' });
    expect(JSON.parse((await getThroughTunnel(glance.url)).body)).toEqual({ label: { type: 'html', value: '<b>1</b> thing' } });

    // The proxy is trusted: the author's own route sees the request as the client made it.
    expect(JSON.parse((await getThroughTunnel(`${tunnel.url}/whoami`)).body)).toEqual({ protocol: 'https', hostname: 'localhost', secure: true });

    expect(await dev.interrupt()).toBe(0);
    expect(dev.transcript()).toMatch(/Uninstalled \(the add-on answered 204\)\./);
  });
});

describe('a running ngrok agent', () => {
  let agent: Server;
  let agentUrl: string;
  let tunnels: unknown[];
  let dev: DevRun;

  beforeEach(async () => {
    agent = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.url === '/api/tunnels' ? { tunnels, uri: '/api/tunnels' } : {}));
    });
    await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
    agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await dev?.interrupt();
    await new Promise((resolve) => agent.close(resolve));
  });

  it('is found through its local API, and its tunnel to the add-on\'s port is used', async () => {
    tunnels = [
      { name: 'other', public_url: 'https://other.ngrok-free.app', proto: 'https', config: { addr: 'http://localhost:1', inspect: true } },
      { name: 'command_line', public_url: tunnel.url, proto: 'https', config: { addr: `http://localhost:${port}`, inspect: true } },
    ];
    let emulatorUrl: string;
    ({ dev, emulatorUrl } = await startBehindTunnel(['--ngrok-api', agentUrl]));
    expect(dev.transcript()).toContain(`Found a running ngrok agent (${agentUrl}) with a tunnel to port ${port}: using ${tunnel.url}`);
    expect(dev.transcript()).toContain(`Descriptor  ${tunnel.url}/atlassian-connect.json`);
    expect(await say(emulatorUrl, '/echo via the agent')).toEqual(['echo: via the agent']);
  });

  it('says so when none of its tunnels goes to the add-on\'s port, and runs on loopback', async () => {
    tunnels = [{ name: 'other', public_url: 'https://other.ngrok-free.app', proto: 'https', config: { addr: 'localhost:1' } }];
    ({ dev } = await startBehindTunnel(['--ngrok-api', agentUrl]));
    expect(dev.transcript()).toContain(`has no tunnel to port ${port} (it has https://other.ngrok-free.app → localhost:1)`);
    expect(dev.transcript()).toContain(`Descriptor  http://127.0.0.1:${port}/atlassian-connect.json`);
  });
});
