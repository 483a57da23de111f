import { silentLogger } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { freeLoopbackPort } from '../../support/redis';
import { emulatorCall, makeDevProject, say, startDev, type DevProject } from '../../support/dev-project';
import { startTunnelProxy, type TunnelProxy } from '../../support/tunnel-proxy';

/**
 * A tunnel whose URL changed between two runs of dev into the same running emulator (`--host`): the
 * second run moves the installation the first one kept to the new URL, under the same oauthId, rather
 * than installing again and leaving the old one calling a dead URL. Plain http stand-ins here, since
 * the emulator runs in this process, which does not trust the TLS stand-in's certificate.
 */
jest.setTimeout(120_000);

let emulator: Emulator;
let project: DevProject;
let tunnels: TunnelProxy[];
let port: number;

beforeAll(async () => {
  emulator = await startEmulator({ logger: silentLogger });
  project = makeDevProject();
  port = await freeLoopbackPort();
  tunnels = [await startTunnelProxy(port, { tls: false }), await startTunnelProxy(port, { tls: false })];
});

afterAll(async () => {
  await Promise.all(tunnels.map((tunnel) => tunnel.close()));
  await emulator.close();
  project.remove();
});

const installations = async () => (await emulatorCall<{ items: Array<{ oauthId: string; descriptorUrl: string }> }>(emulator.url, 'GET', '/emulator/installations')).items;

it('moves the kept installation to the new tunnel URL instead of leaving a dead one', async () => {
  const [before, after] = tunnels as [TunnelProxy, TunnelProxy];
  const first = startDev(project, ['--port', String(port), '--host', emulator.url, '--tunnel-url', before.url, '--keep']);
  const oauthId = (await first.next(/Installed into room "Lobby" of \S+ \(oauthId (\S+)\)/))[1]!;
  await first.next(/Watching .* Ctrl-C stops\./);
  expect(await first.interrupt()).toBe(0);
  expect(first.transcript()).toContain(`Kept the installation (oauthId ${oauthId})`);
  expect(emulator.log.uninstalls).toEqual([]);

  const second = startDev(project, ['--port', String(port), '--host', emulator.url, '--tunnel-url', after.url]);
  await second.next(new RegExp(`The add-on's URL changed since the last run \\(${before.url}/atlassian-connect\\.json → ${after.url}/atlassian-connect\\.json\\); the host updated the installation to follow it \\(oauthId ${oauthId}\\)`));
  await second.next(/Watching /);
  expect(await installations()).toEqual([expect.objectContaining({ oauthId, descriptorUrl: `${after.url}/atlassian-connect.json` })]);
  expect(emulator.log.installs.map((install) => [install.kind, install.descriptorUrl])).toEqual([
    ['install', `${before.url}/atlassian-connect.json`], ['update', `${after.url}/atlassian-connect.json`],
  ]);

  const webhooksBefore = before.requests.filter((request) => request.path.startsWith('/webhooks/')).length;
  expect(await say(emulator.url, '/echo moved')).toEqual(['echo: moved']);
  expect(after.requests).toContainEqual(expect.objectContaining({ method: 'POST', path: expect.stringMatching(/^\/webhooks\//) }));
  expect(before.requests.filter((request) => request.path.startsWith('/webhooks/'))).toHaveLength(webhooksBefore);

  expect(await second.interrupt()).toBe(0);
  expect(second.transcript()).toContain('Uninstalled (the add-on answered 204).');
  expect(await installations()).toEqual([]);
});

it('with a tunnel off this machine and no --host, offers the descriptor URL, and warns when it changed since the last run', async () => {
  const first = startDev(project, ['--port', '0', '--tunnel-url', 'https://abc123.ngrok-free.app']);
  await first.next(/Descriptor {2}https:\/\/abc123\.ngrok-free\.app\/atlassian-connect\.json/);
  await first.next(/Install it into HipChat Server or Data Center from the descriptor URL above/);
  await first.next(/Watching .* Ctrl-C stops\./);
  expect(first.transcript()).not.toContain('Installed into room');
  expect(await first.interrupt()).toBe(0);

  const second = startDev(project, ['--port', '0', '--tunnel-url', 'https://xyz789.ngrok-free.app']);
  await second.next(/The tunnel's URL changed since the last run \(it was https:\/\/abc123\.ngrok-free\.app\/atlassian-connect\.json\): a HipChat Server that installed the add-on from there still calls the old one\. Install it again from https:\/\/xyz789\.ngrok-free\.app\/atlassian-connect\.json/);
  await second.next(/Watching /);
  expect(await second.interrupt()).toBe(0);
});
