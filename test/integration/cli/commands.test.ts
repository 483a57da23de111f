import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../support/cli-process';

/** The `hipchat-connect` command as a user runs it: a process of its own, its exit code and its output. */
const root = path.join(__dirname, '..', '..', '..');
const { version, scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };

async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  return { port: (holder.address() as { port: number }).port, release: () => new Promise((resolve) => holder.close(() => resolve())) };
}

describe('hipchat-connect --version and help', () => {
  it.each([['--version'], ['-v'], ['validate', '--version']])('prints the version for %j', async (...args) => {
    expect(await runCli(args)).toEqual({ code: 0, stdout: `hipchat-connect ${version}\n`, stderr: '' });
  });

  it('answers `help <command>` with that command\'s usage for every command it lists', async () => {
    const listing = await runCli(['--help']);
    expect(listing.code).toBe(0);
    const commands = [...listing.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((match) => match[1]!);
    expect(commands).toEqual(expect.arrayContaining(['emulator', 'validate', 'demo', 'receive', 'notify']));
    for (const command of commands) {
      const help = await runCli(['help', command]);
      expect({ command, code: help.code, stderr: help.stderr }).toEqual({ command, code: 0, stderr: '' });
      expect(help.stdout).toMatch(new RegExp(`^Usage: hipchat-connect ${command}\\b`));
    }
  }, 60_000);

  it('refuses help on a command that does not exist, with the list of those that do', async () => {
    const help = await runCli(['help', 'deploy']);
    expect(help.code).toBe(2);
    expect(help.stderr).toMatch(/^Unknown command: deploy\n\nUsage: hipchat-connect <command>/);
  });

  it('says it is building before `npm run demo` builds', () => {
    expect(scripts.demo).toMatch(/^echo "Building [^"]*" && npm run build/);
  });
});

describe('hipchat-connect receive', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'hipchat-connect-cli-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('exits with the answer when the module starts a server as it loads', async () => {
    // A module as many add-ons are written: the add-on exported, and its server started on load.
    const module = path.join(folder, 'listening.js');
    writeFileSync(module, `const { createAddon, MemoryStore, silentLogger } = require(${JSON.stringify(path.join(root, 'dist/lib'))});
exports.addon = createAddon({ key: 'com.example.listening', name: 'Listening', description: 'd', store: new MemoryStore(), logger: silentLogger })
  .webhook('room_message', { key: 'ping', pattern: /^\\/ping$/ }, () => 'pong');
exports.addon.listen({ port: 0 });
`);
    const outcome = await runCli(['receive', '--event', 'room_message', '--text', '/ping', module], { timeoutMs: 20_000 });
    expect(outcome).toEqual({ code: 0, stdout: `${JSON.stringify({ message: 'pong' }, null, 2)}\n`, stderr: '' });
  }, 30_000);
});

describe('hipchat-connect notify', () => {
  it('names the URL it tried and the flag to change it when the API cannot be reached', async () => {
    const env = { HIPCHAT_API_URL: '', HIPCHAT_TOKEN: 'abc' };
    const unreachable = await runCli(['notify', '--room', '1', 'hello'], { env, timeoutMs: 30_000 });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Tried https://api.hipchat.com/v2 (the default, HipChat Cloud, which was switched off in 2019). Give your host\'s REST API with --api-url <url> (or HIPCHAT_API_URL)');

    const closed = await holdPort();
    await closed.release();
    const given = await runCli(['notify', '--room', '1', '--api-url', `http://127.0.0.1:${closed.port}/v2`, 'hello'], { env });
    expect(given.code).toBe(1);
    expect(given.stderr).toContain(`✗ HIPCHAT_UNREACHABLE`);
    expect(given.stderr).toContain(`Tried http://127.0.0.1:${closed.port}/v2 (from --api-url).`);
  }, 60_000);
});

describe('hipchat-connect demo', () => {
  it.each([
    ['--port', "the add-on's"],
    ['--emulator-port', "the emulator's"],
  ])('closes what it started and exits 1 when the port of %s is taken, naming the port and the flag', async (flag, whose) => {
    const held = await holdPort();
    try {
      const other = flag === '--port' ? '--emulator-port' : '--port';
      const outcome = await runCli(['demo', flag, String(held.port), other, '0'], { env: { LOG_LEVEL: 'silent' } });
      expect(outcome.code).toBe(1);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toBe(`✗ Port ${held.port} (${whose}) is already in use on 127.0.0.1. Stop what listens there, or choose another with ${flag} <n> (0 picks a free one).\n`);
    } finally {
      await held.release();
    }
  }, 30_000);

  it('refuses a port that is not a number as a usage mistake', async () => {
    const outcome = await runCli(['demo', '--port', 'abc']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^--port must be a port number from 0 to 65535/);
  });
});
