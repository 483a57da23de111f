import { parseArgs } from 'node:util';
import { NGROK_AGENT_API } from '../../dev/tunnel/agent';
import { checkTunnelUrl } from '../../dev/tunnel/choose';
import { runDev, type DevOptions } from '../../dev/start';
import { ConnectError, isConnectError } from '../../errors';
import { stopSignal } from '../stop-signal';

const USAGE = `Usage: hipchat-connect dev [options]

Runs the add-on of the project in this folder (src/index.ts, TypeScript as it is) in a child process,
starts the HipChat emulator and installs the add-on into a room, and prints the add-on's URL, its
descriptor URL and the emulator's web UI for that room. Then it watches the source: a save restarts the
add-on under the same installation, and a changed descriptor goes to the host as an update. Ctrl-C
uninstalls the add-on, stops everything and exits 0.

Options:
  --entry <file>          the add-on's entry (default src/index.ts, else package.json "main")
  --port <n>              the add-on's port (default PORT, else 3000; 0 picks a free one)
  --room <name|id>        the room to install into (default the first)
  --host <url>            install into an emulator already running there, instead of starting one
  --emulator-port <n>     the port of the emulator dev starts (default 8008; 0 picks a free one)
  --keep                  leave the installation in place at Ctrl-C (for --host: the next run takes it up)
  --tunnel <ngrok|none>   ngrok: open a public https tunnel with @ngrok/ngrok (needs NGROK_AUTHTOKEN);
                          none: no tunnel, and no look for a running ngrok agent
  --tunnel-url <url>      the public URL of a tunnel you run yourself (an ngrok agent, cloudflared)
  --ngrok-api <url>       where to look for a running ngrok agent (default ${NGROK_AGENT_API})
  -h, --help              show this help

Exit status: 0 after Ctrl-C, 1 when dev cannot start (no entry, a port in use, no tunnel), 2 for a
wrong flag. See docs/development.md.`;

export async function run(args: string[]): Promise<number> {
  let options: DevOptions;
  try {
    const parsed = parse(args);
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (!isConnectError(error, 'OPTION_INVALID')) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  // Listening from the start, so a Ctrl-C while the add-on starts still stops everything cleanly.
  await runDev(options, stopSignal());
  return 0;
}

const FLAGS = {
  entry: { type: 'string' }, port: { type: 'string' }, room: { type: 'string' }, host: { type: 'string' },
  'emulator-port': { type: 'string', default: '8008' }, keep: { type: 'boolean', default: false },
  tunnel: { type: 'string' }, 'tunnel-url': { type: 'string' }, 'ngrok-api': { type: 'string', default: NGROK_AGENT_API },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, strict: true, options: FLAGS }).values;
  } catch (error) {
    throw flagError(error instanceof Error ? error.message : String(error), '(flags)');
  }
}

function parse(args: string[]): DevOptions | 'help' {
  const values = parseFlags(args);
  if (values.help) return 'help';
  if (values.tunnel !== undefined && values.tunnel !== 'ngrok' && values.tunnel !== 'none') throw flagError(`--tunnel must be ngrok or none, got ${values.tunnel}`, '--tunnel');
  if (values.tunnel !== undefined && values['tunnel-url'] !== undefined) throw flagError('--tunnel and --tunnel-url: give one of them', '--tunnel');
  return {
    projectDir: process.cwd(),
    entry: values.entry,
    port: portOf(values.port ?? process.env.PORT ?? '3000', '--port'),
    room: values.room,
    host: values.host === undefined ? undefined : checkHostUrl(values.host),
    emulatorPort: portOf(values['emulator-port'], '--emulator-port'),
    keep: values.keep,
    tunnel: values.tunnel as DevOptions['tunnel'],
    tunnelUrl: values['tunnel-url'] === undefined ? undefined : checkTunnelUrl(values['tunnel-url']),
    ngrokApi: values['ngrok-api'],
  };
}

// Digits only: Number('') would be 0, a free port, where the user meant something else.
function portOf(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw flagError(`${flag} must be a port number (0 picks a free one), got ${value}`, flag);
  return Number(value);
}

function checkHostUrl(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw flagError(`--host must be the emulator's URL, like http://127.0.0.1:8008; got ${value}`, '--host');
  return value.replace(/\/+$/, '');
}

function flagError(message: string, option: string): ConnectError {
  return new ConnectError('OPTION_INVALID', message, { details: { option } });
}
