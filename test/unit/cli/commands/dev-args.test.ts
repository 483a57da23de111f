import { run } from '../../../../lib/cli/commands/dev';
import { runCommand } from '../../../support/cli';

/** `hipchat-connect dev`'s flags: a mistake is exit 2 with the usage, before anything starts. */
it.each([
  [['--tunnel', 'cloudflared'], '--tunnel must be ngrok or none, got cloudflared'],
  [['--tunnel', 'ngrok', '--tunnel-url', 'https://abc.ngrok-free.app'], '--tunnel and --tunnel-url: give one of them'],
  [['--port', 'abc'], '--port must be a port number (0 picks a free one), got abc'],
  [['--emulator-port', '70000'], '--emulator-port must be a port number'],
  [['--host', 'localhost:8008'], "--host must be the emulator's URL, like http://127.0.0.1:8008"],
  [['--tunnel-url', 'abc.ngrok-free.app'], "--tunnel-url must be the tunnel's public http(s) URL"],
  [['--verbose'], "Unknown option '--verbose'"],
])('refuses %j', async (args, message) => {
  const outcome = await runCommand(run, ...args);
  expect(outcome.code).toBe(2);
  expect(outcome.stderr).toContain(message);
  expect(outcome.stderr).toContain('Usage: hipchat-connect dev [options]');
});

it('prints its help', async () => {
  const outcome = await runCommand(run, '--help');
  expect(outcome).toMatchObject({ code: 0, stdout: expect.stringContaining('--tunnel-url <url>') });
});
