import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Addon } from '../../addon';
import { isMessageEvent, isWebhookEvent, WEBHOOK_EVENTS } from '../../core/webhook/events';
import { fakeInstallation, testEvent } from '../../testing';
import { print } from '../print';

const USAGE = `Usage: hipchat-connect receive (--event <name> [--text <message>] | --payload <file.json>) [--key <webhook>] <module>

Runs one webhook through an add-on's handlers, with no HTTP and no host: the same receive() the add-on's
webhook route calls. Prints the reply the host would post to the room, or "(no reply)".

<module> is a JavaScript file that exports the add-on (createAddon's result) as \`addon\` or as its
default export, without starting a server when it is loaded. The installation is a fake one (oauthId
"oauth-1", room 42); the payload is validated like any other.

Options:
  --event <name>      build a payload of this event (${WEBHOOK_EVENTS.join(', ')})
  --text <message>    the message text of a room_message or room_notification payload
  --payload <file>    a JSON payload instead, such as one saved from a real delivery
  --key <webhook>     run only the webhook with this key, as the host addresses one; by default every
                      handler of the event whose pattern matches runs
  -h, --help          show this help`;

/** Exit code 0 when the handlers ran, 1 when the payload or a handler failed, 2 for a usage mistake. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { event: { type: 'string' }, text: { type: 'string' }, payload: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return mistake((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return print(process.stdout, USAGE, 0);
  if (positionals.length !== 1) return mistake('Give exactly one <module>.');
  if ((values.event === undefined) === (values.payload === undefined)) return mistake('Give either --event or --payload.');
  const { event, text } = values;
  if (event !== undefined && !isWebhookEvent(event)) return mistake(`Unknown event "${event}".`);
  if (text !== undefined && !(event !== undefined && isMessageEvent(event))) return mistake('--text goes with --event room_message or room_notification.');

  const addon = await loadAddon(positionals[0]!);
  try {
    const payload = event === undefined ? JSON.parse(await readFile(values.payload!, 'utf8')) : testEvent(event, text);
    const reply = await addon.receive(payload, { installation: fakeInstallation(), key: values.key });
    return print(process.stdout, reply === undefined ? '(no reply)' : JSON.stringify(reply, null, 2), 0);
  } finally {
    await addon.close();
  }
}

async function loadAddon(file: string): Promise<Addon> {
  const loaded = (await import(path.resolve(file))) as { addon?: Addon; default?: Addon };
  const addon = loaded.addon ?? loaded.default;
  if (typeof addon?.receive !== 'function') throw new Error(`${file} exports no add-on (as \`addon\` or as its default export)`);
  return addon;
}

function mistake(message: string): number {
  return print(process.stderr, `${message}\n\n${USAGE}`, 2);
}
