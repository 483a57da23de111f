import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createWeatherAddon } from '../../demo/weather';
import { weatherRoutes } from '../../demo/weather-routes';
import { startEmulator } from '../../emulator';
import { createConsoleLogger } from '../../logger';
import { MemoryStore } from '../../stores/memory';
import { stopSignal } from '../stop-signal';

const USAGE = `Usage: hipchat-connect demo [--port <n>] [--emulator-port <n>]

Runs the example Weather add-on and the HipChat emulator, installs the add-on into a room, says
"/weather Paris" there, and prints the address of the emulator's web UI: open it in a browser to see
the room, the add-on's glance, sidebar, dialogs and actions. Stop with Ctrl-C: the add-on is
uninstalled and both servers close.

Options:
  --port <n>            the add-on's port (default 3000; 0 picks a free one)
  --emulator-port <n>   the emulator's port (default 8008; 0 picks a free one)
  -h, --help            show this help`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '3000' }, 'emulator-port': { type: 'string', default: '8008' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const logger = createConsoleLogger();
  const emulator = await startEmulator({ port: Number(values['emulator-port']), logger });
  // The demo starts a new emulator each run, so installations need not outlive it.
  const addon = createWeatherAddon({ store: new MemoryStore(), development: true, logger });
  // The demo's own Ctrl-C first uninstalls through the add-on, which must still be serving then.
  const server = await addon.listen({ port: Number(values.port), host: '127.0.0.1', app: weatherRoutes(addon), handleSignals: false });
  const addonUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Emulator listening on ${emulator.url} (capabilities: ${emulator.capabilitiesUrl})`);
  say(`Add-on   listening on ${addonUrl} (descriptor: ${addonUrl}/atlassian-connect.json)`);

  const room = emulator.rooms[0]!;
  const installation = await emulator.install({ descriptorUrl: `${addonUrl}/atlassian-connect.json`, roomId: room.id });
  say(`Installed "${addon.options.name}" into room "${room.name}" (oauthId ${installation.oauthId})`);
  const { replies } = await emulator.postMessage({ room: room.id, user: 1, message: '/weather Paris' });
  say(`/weather Paris → ${replies.map((reply) => JSON.stringify(reply.message)).join(', ') || 'no reply'}`);
  say(`Open the emulator's web UI: ${emulator.url}/?room=${room.id}&user=1`);
  say('Press Ctrl-C to uninstall and stop.');

  await stopSignal();
  const answer = await emulator.uninstall(installation.oauthId);
  say(`Uninstalled (the add-on answered ${answer.status}).`);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await addon.close();
  await emulator.close();
  return 0;
}
