#!/usr/bin/env node
import { ConnectError } from '../errors';
import { packageVersion } from './version';

/**
 * The `hipchat-connect` command. Each command lives in its own file under `cli/commands/` and exports
 * `run(args)`; they load lazily so `hipchat-connect validate` never pays for the emulator's start-up.
 * Every command answers `--help` with its usage on stdout and exit code 0, which is all `help <command>`
 * needs, so a new command is one line in COMMANDS and nothing else here.
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
  new: { summary: 'create an add-on project from a template', load: () => import('./commands/new') },
  dev: { summary: 'run the add-on in this folder, installed into the emulator, restarted on each save', load: () => import('./commands/dev') },
  notify: { summary: 'send a room notification with a room or personal token', load: () => import('./commands/notify') },
  migrate: { summary: 'copy ACE-HipChat installations (atlassian-connect-express-redis) into a store', load: () => import('./commands/migrate') },
  'rotate-keys': { summary: 're-encrypt every secret at rest with the first key', load: () => import('./commands/rotate-keys') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return [
    'Usage: hipchat-connect <command> [options]', '', 'Commands:', ...lines, '',
    'Run `hipchat-connect help <command>` (or a command with --help) for its options; --version prints the version.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const asksHelp = first === 'help';
  const [name, ...args] = asksHelp ? rest : argv;
  // Before `--` only: what follows it belongs to the command (a message, a file name).
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (name === '--version' || name === '-v' || (name !== undefined && COMMANDS[name] && options.includes('--version'))) {
    process.stdout.write(`hipchat-connect ${packageVersion()}\n`);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    const known = name === undefined || name === '--help' || name === '-h';
    (known ? process.stdout : process.stderr).write(`${known ? '' : `Unknown command: ${name}\n\n`}${usage()}\n`);
    return known ? 0 : 2;
  }
  try {
    return await (await command.load()).run(asksHelp ? ['--help'] : args);
  } catch (error) {
    process.stderr.write(`hipchat-connect ${name}: ${error instanceof ConnectError ? `${error.code}: ${error.message}` : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    // A command is done when it has answered, even if what it loaded still holds the event loop open
    // (`receive` on a module that starts a server). Exit once what was written has been flushed.
    process.exitCode = code;
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
}
