import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createWeatherAddon } from '../../demo/weather';
import { weatherRoutes } from '../../demo/weather-routes';
import { startEmulator, type Emulator } from '../../emulator';
import { isConnectError } from '../../errors';
import { createConsoleLogger } from '../../logger';
import { MemoryStore } from '../../stores/memory';
import { stopSignal } from '../stop-signal';
import { print } from '../print';

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
  const port = portFlag(values.port, '--port');
  const emulatorPort = portFlag(values['emulator-port'], '--emulator-port');
  if (typeof port === 'string') return print(process.stderr, `${port}\n\n${USAGE}`, 2);
  if (typeof emulatorPort === 'string') return print(process.stderr, `${emulatorPort}\n\n${USAGE}`, 2);
  const logger = createConsoleLogger();
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ port: emulatorPort, logger });
  } catch (error) {
    return portTaken(error, emulatorPort, "the emulator's", '--emulator-port');
  }
  // The demo starts a new emulator each run, so installations need not outlive it.
  const addon = createWeatherAddon({ store: new MemoryStore(), development: true, logger });
  let server: Server;
  try {
    // The demo's own Ctrl-C first uninstalls through the add-on, which must still be serving then.
    server = await addon.listen({ port, host: '127.0.0.1', app: weatherRoutes(addon), handleSignals: false });
  } catch (error) {
    await addon.close();
    await emulator.close();
    return portTaken(error, port, "the add-on's", '--port');
  }
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

/** A port flag's number, or the mistake to print (digits only: Number('') would be 0, a free port). */
function portFlag(value: string, flag: string): number | string {
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : `${flag} must be a port number from 0 to 65535 (0 picks a free one).`;
}

/** Everything started so far is closed by now; say which port was taken and the flag that changes it. */
function portTaken(error: unknown, port: number, whose: string, flag: string): number {
  const taken = isConnectError(error, 'LISTEN_FAILED') ? error.details?.reason === 'EADDRINUSE' : (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  if (!taken) throw error;
  return print(process.stderr, `✗ Port ${port} (${whose}) is already in use on 127.0.0.1. Stop what listens there, or choose another with ${flag} <n> (0 picks a free one).`, 1);
}
