#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isConnectError } from 'hipchat-connect';
import { Notifier, settingsFromEnvironment } from './notifier';

const USAGE = `Usage: notify <message…>
       notify --release <service> <version> [<url>]

Posts to the room HIPCHAT_ROOM with HIPCHAT_TOKEN (HIPCHAT_API_URL for a server other than HipChat Cloud):
a notification, or a release card with --release.`;

/** The script: 0 posted, 1 refused by HipChat or not configured, 2 a usage mistake. */
export async function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { release: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0 || (values.release && positionals.length < 2)) return fail(USAGE, 2);

  try {
    const notifier = new Notifier(settingsFromEnvironment(env));
    if (values.release) {
      const [service, version, url] = positionals as [string, string, string | undefined];
      await notifier.announce({ service, version, ...(url === undefined ? {} : { url }) });
    } else {
      await notifier.say(positionals.join(' '));
    }
  } catch (error) {
    return fail(isConnectError(error) ? `${error.code}: ${error.message}` : (error as Error).message, 1);
  }
  console.log('Posted.');
  return 0;
}

function fail(message: string, code: number): number {
  console.error(message);
  return code;
}

if (require.main === module) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
