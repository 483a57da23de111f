import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createAddon, MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';

let emulator: Emulator;
let addon: Addon;
let server: Server;

beforeAll(async () => {
  emulator = await startEmulator({ floodControl: { limit: 2 } });   // tiny, to show a 429 below
  addon = createAddon({
    key: 'com.example.weather', name: 'Weather', description: 'Answers /weather <city>',
    scopes: ['send_notification'], store: new MemoryStore(), development: true, logger: silentLogger,
  });
  addon.webhook('room_message', { key: 'weather', pattern: /^\/weather\s+(?<city>\S.*)$/i }, (ctx) =>
    ({ message: `Sunny in ${ctx.match?.groups?.city}`, color: 'green' }));
  const app = express();
  app.use(addon.router);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  await emulator.install({ descriptorUrl: `http://127.0.0.1:${port}/atlassian-connect.json`, roomId: 1 });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await addon.close();
  await emulator.close();
});

test('a user\'s slash command, answered in the room', async () => {
  const { deliveries, replies } = await emulator.postMessage({ room: 'Lobby', user: '@Grace', message: '/weather Lisbon' });
  expect(deliveries[0]?.status).toBe(200);
  expect(replies[0]).toMatchObject({ type: 'notification', from: 'Weather', message: 'Sunny in Lisbon', color: 'green' });
  expect(emulator.history(1).map((said) => said.message)).toEqual(['/weather Lisbon', 'Sunny in Lisbon']);
});

test('a notification through the REST API with a room token, and flood control', async () => {
  const { token } = emulator.createRoomToken('Lobby', 'Deploys');
  const notify = () => fetch(`${emulator.apiUrl}/room/Lobby/notification`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'Deployed <b>v2</b>', color: 'purple' }),
  });
  const sent = await notify();
  expect(sent.status).toBe(204);
  expect(sent.headers.get('x-ratelimit-remaining')).toBe('499');
  expect(sent.headers.get('x-floodcontrol-remaining')).toBe('1');
  expect(emulator.history('Lobby').at(-1)).toMatchObject({ from: 'Deploys', message: 'Deployed <b>v2</b>' });
  await notify();
  const refused = await notify();
  expect(refused.status).toBe(429);
  expect(await refused.json()).toMatchObject({ error: { code: 429, type: 'Too Many Requests' } });
  expect(emulator.log.apiRefusals.at(-1)?.code).toBe('FLOOD_CONTROLLED');
});
