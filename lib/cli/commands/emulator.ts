import { parseArgs } from 'node:util';
import { isConnectError } from '../../errors';
import { createConsoleLogger } from '../../logger';
import { startEmulator, type Emulator } from '../../emulator';
import { stopSignal } from '../stop-signal';
import { installFromFlags } from './emulator-install';

const USAGE = `Usage: hipchat-connect emulator [--port <n>] [--host <address>] [--install <descriptor-url> [--room <name>]]

Starts a local HipChat: capabilities document, token endpoint, add-on installs and webhooks.

Options:
  --port <n>                 port to listen on (default 8008; 0 picks a free one)
  --host <address>           loopback address to listen on (default 127.0.0.1)
  --install <descriptor-url> install the add-on there into a room (uninstalled again at Ctrl-C)
  --room <name|id>           the room for --install (default the first)
  -h, --help                 show this help`;

/** `hipchat-connect emulator`: runs until SIGINT or SIGTERM, then closes the server and exits 0. */
export async function run(args: string[]): Promise<number> {
  let values: { port?: string; host?: string; install?: string; room?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8008' }, host: { type: 'string', default: '127.0.0.1' },
        install: { type: 'string' }, room: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.room !== undefined && values.install === undefined) return usageError('--room goes with --install <descriptor-url>');
  // Digits only: Number('') would be 0, a free port, where the user meant something else.
  const port = /^\d+$/.test(values.port ?? '') ? Number(values.port) : Number.NaN;
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ port, host: values.host, logger: createConsoleLogger() });
  } catch (error) {
    // startEmulator names the option at fault; here it is a flag.
    if (isConnectError(error, 'OPTION_INVALID')) return usageError(error.message.replace(/^options\./, '--'));
    throw error;
  }
  process.stdout.write(`HipChat emulator listening on ${emulator.url} (capabilities: ${emulator.capabilitiesUrl})\n`);
  const installed = values.install === undefined ? undefined : await installFromFlags(emulator, values.install, values.room).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  await stopSignal();
  await installed?.uninstall();
  await emulator.close();
  return 0;
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  return 2;
}
