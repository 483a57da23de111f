import { parseArgs } from 'node:util';
import { isConnectError } from '../../errors';
import { createConsoleLogger } from '../../logger';
import { startEmulator, type Emulator } from '../../emulator';
import { stopSignal } from '../stop-signal';

const USAGE = `Usage: hipchat-connect emulator [--port <n>] [--host <address>]

Starts a local HipChat: capabilities document, token endpoint, add-on installs and webhooks.

Options:
  --port <n>          port to listen on (default 8008; 0 picks a free one)
  --host <address>    loopback address to listen on (default 127.0.0.1)
  -h, --help          show this help`;

/** `hipchat-connect emulator`: runs until SIGINT or SIGTERM, then closes the server and exits 0. */
export async function run(args: string[]): Promise<number> {
  let values: { port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { port: { type: 'string', default: '8008' }, host: { type: 'string', default: '127.0.0.1' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
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
  await stopSignal();
  await emulator.close();
  return 0;
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  return 2;
}
