import type { AddressInfo } from 'node:net';
import { createAddon, MemoryStore, silentLogger } from 'hipchat-connect';
import { startCli } from '../../support/cli-process';

/** `hipchat-connect emulator` as a developer watches it: installs, webhooks and REST calls, one line each at info. */
it('logs the install, each webhook sent (status, ms) and each REST call at info', async () => {
  const emulator = startCli(['emulator', '--port', '0'], { env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, timeoutMs: 30_000 });
  const store = new MemoryStore();
  const addon = createAddon({ key: 'com.example.logs', name: 'Logs', description: 'd', store, logger: silentLogger, development: true })
    .webhook('room_message', { key: 'hello', pattern: /^\/hello$/ }, () => 'hi');
  const server = await addon.listen({ port: 0 });
  try {
    while (!/listening on (\S+)/.test(emulator.output.stdout)) await new Promise((resolve) => setTimeout(resolve, 20));
    const url = /listening on (\S+)/.exec(emulator.output.stdout)![1]!;
    const descriptorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/atlassian-connect.json`;
    const installed = await (await fetch(`${url}/emulator/installations`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: descriptorUrl, roomId: 1 }),
    })).json() as { oauthId: string };
    const delivery = await fetch(`${url}/emulator/installations/${installed.oauthId}/webhooks`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event: 'room_message', item: { message: { message: '/hello' } } }),
    });
    expect(delivery.status).toBe(200);
    await addon.client((await store.fetchInstallation(installed.oauthId))!).rooms.notify(1, { message: 'from the add-on' });
  } finally {
    server.close();
    await addon.close();
    emulator.signal('SIGTERM');
  }
  const { code, stderr } = await emulator.exited;
  expect(code).toBe(0);
  const lines = stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toEqual(expect.arrayContaining([
    expect.objectContaining({ level: 30, msg: 'emulator: add-on installed', key: 'com.example.logs', roomId: 1 }),
    expect.objectContaining({ level: 30, msg: 'emulator: webhook sent', event: 'room_message', status: 200, ms: expect.any(Number) }),
    expect.objectContaining({ level: 30, msg: 'emulator: REST call', method: 'POST', path: '/v2/room/1/notification', status: 204, ms: expect.any(Number) }),
  ]));
  expect(lines.every((line) => line.level === 30)).toBe(true);
}, 40_000);
