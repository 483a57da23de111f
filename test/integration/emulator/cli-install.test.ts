import { run } from '../../../lib/cli/commands/emulator';
import { main } from '../../../lib/cli/main';
import { createAddon, MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import { runCommand } from '../../support/cli';
import { serveStandalone, type Served } from '../../support/serve';

/** `hipchat-connect emulator --install <descriptor-url> [--room <name>]`, for an add-on run its author's way. */
let addon: Addon;
let served: Served;

beforeEach(async () => {
  addon = createAddon({ key: 'com.example.own-way', name: 'Own way', description: 'Run by its author', store: new MemoryStore(), development: true, logger: silentLogger });
  served = await serveStandalone(addon);
});
afterEach(async () => {
  await served.close();
  await addon.close();
});

/** Waits until the command has written a line matching the pattern. */
async function printed(output: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(output());
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function captured() {
  let text = '';
  const spies = (['stdout', 'stderr'] as const).map((stream) => jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => (text += String(chunk)).length > 0));
  return { output: () => text, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

it('installs the add-on into the named room, prints the web UI for it, and uninstalls at SIGTERM', async () => {
  const { output, restore } = captured();
  try {
    const running = run(['--port', '0', '--install', `${served.url}/atlassian-connect.json`, '--room', 'Engineering']);
    const [, oauthId] = await printed(output, /Installed "Own way" into room "Engineering" \(oauthId (\S+)\)/);
    expect(output()).toMatch(/Web UI: http:\/\/127\.0\.0\.1:\d+\/\?room=2&user=1/);
    await expect(addon.installation(oauthId!)).resolves.toMatchObject({ roomId: 2 });

    process.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(output()).toContain('Uninstalled (the add-on answered 204).');
    await expect(addon.installation(oauthId!)).resolves.toBeUndefined();
  } finally {
    restore();
  }
});

it('exits 1 with the reason when the add-on cannot be installed, or the room does not exist', async () => {
  const unreachable = await runCommand(main, 'emulator', '--port', '0', '--install', 'http://127.0.0.1:1/atlassian-connect.json');
  expect(unreachable).toMatchObject({ code: 1, stderr: expect.stringContaining('HOST_UNREACHABLE: descriptor URL: ') });
  const noRoom = await runCommand(main, 'emulator', '--port', '0', '--install', `${served.url}/atlassian-connect.json`, '--room', 'Nowhere');
  expect(noRoom).toMatchObject({ code: 1, stderr: expect.stringContaining('--room Nowhere: the host has no such room; it has "Lobby" (1)') });
});

it('refuses --room without --install as a usage mistake', async () => {
  expect((await runCommand(run, '--room', 'Lobby')).code).toBe(2);
});
