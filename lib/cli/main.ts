#!/usr/bin/env node
import { ConnectError } from '../errors';

/**
 * The `hipchat-connect` command. Each command lives in its own file under `cli/commands/` and exports
 * `run(args)`; they load lazily so `hipchat-connect validate` never pays for the emulator's start-up.
 */
interface Command {
  summary: string;
  load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  emulator: { summary: 'start the local HipChat emulator', load: () => import('./commands/emulator') },
  validate: { summary: 'check a descriptor file or URL against the schema', load: () => import('./commands/validate') },
  demo: { summary: 'run the example add-on and the emulator, installed into a room', load: () => import('./commands/demo') },
  receive: { summary: 'run one webhook through an add-on\'s handlers, without HTTP', load: () => import('./commands/receive') },
  notify: { summary: 'send a room notification with a room or personal token', load: () => import('./commands/notify') },
  'rotate-keys': { summary: 're-encrypt every secret at rest with the first key', load: () => import('./commands/rotate-keys') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return ['Usage: hipchat-connect <command> [options]', '', 'Commands:', ...lines, '', 'Run a command with --help for its options.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    const known = name === undefined || name === '--help' || name === '-h';
    (known ? process.stdout : process.stderr).write(`${known ? '' : `Unknown command: ${name}\n\n`}${usage()}\n`);
    return known ? 0 : 2;
  }
  try {
    return await (await command.load()).run(args);
  } catch (error) {
    process.stderr.write(`hipchat-connect ${name}: ${error instanceof ConnectError ? `${error.code}: ${error.message}` : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
