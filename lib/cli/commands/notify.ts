import { parseArgs } from 'node:util';
import { isConnectError } from '../../errors';
import { createTokenClient, HIPCHAT_CLOUD_API, type HipChatClient } from '../../hipchat';
import type { MessageFormat, NotificationColor } from '../../hipchat/types';
import { silentLogger } from '../../logger';
import { print } from '../print';

const COLORS: readonly NotificationColor[] = ['yellow', 'green', 'red', 'purple', 'gray', 'random'];
const FORMATS: readonly MessageFormat[] = ['text', 'html'];

const USAGE = `Usage: hipchat-connect notify --room <id-or-name> [options] <message…>

Sends a room notification with a room notification token or a personal access token: no add-on and no
install needed (docs/protocol.md#notification-only-use). The words of the message are joined with spaces.

Options:
  --room <id-or-name>   the room, by id or name (required)
  --token <token>       the token (default: $HIPCHAT_TOKEN, which keeps it out of shell history)
  --color <color>       ${COLORS.join(', ')} (the host's default is yellow)
  --format <format>     text (default) or html
  --notify              alert the room's users
  --from <label>        a label shown beside the token's name
  --api-url <url>       the REST API base (default: $HIPCHAT_API_URL, else ${HIPCHAT_CLOUD_API})
  -h, --help            show this help

Exit codes: 0 sent, 1 refused or failed (the reason is printed), 2 a usage mistake.`;

interface Invocation {
  room: string;
  message: string;
  color: NotificationColor | undefined;
  format: MessageFormat;
  notify: boolean;
  from: string | undefined;
  client: HipChatClient;
  apiUrl: string;
  /** Where the API URL came from, to say what to change when it cannot be reached. */
  apiUrlFrom: '--api-url' | 'HIPCHAT_API_URL' | 'default';
}

/** `hipchat-connect notify`: one room notification, then exit. */
export async function run(args: string[]): Promise<number> {
  let invocation: Invocation | 'help';
  try {
    invocation = parse(args);
  } catch (error) {
    return print(process.stderr, `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
  if (invocation === 'help') return print(process.stdout, USAGE, 0);

  const { client, room, message, color, format, notify, from, apiUrl, apiUrlFrom } = invocation;
  try {
    await client.rooms.notify(room, { message, message_format: format, notify, ...(color ? { color } : {}), ...(from ? { from } : {}) });
  } catch (error) {
    if (!isConnectError(error)) throw error;
    const hint = error.code === 'HIPCHAT_ACCESS_DENIED' ? `\nCheck the token, and that it may send notifications to room ${room}.`
      : UNREACHED.has(error.code) ? `\n${whereTried(apiUrl, apiUrlFrom)}` : '';
    return print(process.stderr, `✗ ${error.code}: ${error.message}${hint}`, 1);
  }
  return print(process.stdout, `✓ Sent to room ${room}`, 0);
}

/** Throws an Error whose message names the mistake; the caller prints it with the usage. */
function parse(args: string[]): Invocation | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      room: { type: 'string' }, token: { type: 'string' }, color: { type: 'string' }, format: { type: 'string', default: 'text' },
      notify: { type: 'boolean', default: false }, from: { type: 'string' }, 'api-url': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (!values.room) throw new Error('Missing --room.');
  const token = values.token ?? process.env.HIPCHAT_TOKEN;
  if (!token) throw new Error('Missing --token (or HIPCHAT_TOKEN).');
  const message = positionals.join(' ');
  if (message.trim() === '') throw new Error('Missing the message.');
  if (values.color !== undefined && !COLORS.includes(values.color as NotificationColor)) throw new Error(`--color must be one of ${COLORS.join(', ')}.`);
  if (!FORMATS.includes(values.format as MessageFormat)) throw new Error('--format must be text or html.');
  const apiUrlFrom = values['api-url'] !== undefined ? '--api-url' : process.env.HIPCHAT_API_URL ? 'HIPCHAT_API_URL' : 'default';
  const apiUrl = values['api-url'] ?? (process.env.HIPCHAT_API_URL || HIPCHAT_CLOUD_API);
  return {
    room: values.room, message, notify: values.notify, from: values.from,
    color: values.color as NotificationColor | undefined, format: values.format as MessageFormat,
    client: tokenClient(token, apiUrl), apiUrl, apiUrlFrom,
  };
}

function tokenClient(token: string, apiUrl: string): HipChatClient {
  try {
    return createTokenClient({ token, apiUrl, logger: silentLogger });
  } catch (error) {
    if (isConnectError(error, 'OPTION_INVALID') && error.details?.option === 'apiUrl') throw new Error('--api-url must be an absolute http(s) URL.');
    throw error;
  }
}

/** Failures where no answer came back, so the URL itself is the first suspect. */
const UNREACHED = new Set(['HIPCHAT_UNREACHABLE', 'HIPCHAT_TIMEOUT']);

function whereTried(apiUrl: string, from: Invocation['apiUrlFrom']): string {
  const source = from === 'default' ? 'the default, HipChat Cloud, which was switched off in 2019' : `from ${from}`;
  return `Tried ${apiUrl} (${source}). Give your host's REST API with --api-url <url> (or HIPCHAT_API_URL), `
    + 'such as the emulator\'s http://127.0.0.1:8008/v2.';
}
