import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAddon, createTokenClient, isConnectError, MemoryStore, silentLogger, type Addon, type Installation } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';

let emulator: Emulator;
let addon: Addon;
let server: Server;
let installation: Installation;

beforeAll(async () => {
  emulator = await startEmulator();
  addon = createAddon({
    key: 'com.example.deploys', name: 'Deploys', description: 'Tells rooms about deploys',
    scopes: ['send_notification', 'view_messages'], store: new MemoryStore(), development: true, logger: silentLogger,
  });
  // A command that answers through the REST client: a card, posted before the handler returns.
  addon.webhook('room_message', /^\/deployed\s+(?<version>\S+)$/, async (ctx) => {
    const { version } = ctx.match.groups;
    await ctx.client.rooms.notify(ctx.roomId, { card: { style: 'link', id: `deploy-${version}`, title: `Deployed ${version}` } });
  });
  server = await addon.listen({ port: 0 });
  const { port } = server.address() as AddressInfo;
  const { oauthId } = await emulator.install({ descriptorUrl: `http://127.0.0.1:${port}/atlassian-connect.json`, roomId: 1 });
  installation = (await addon.installation(oauthId))!;
});

afterAll(async () => {
  server.close();
  await addon.close();
  await emulator.close();
});

test('an installation\'s client posts to its room, and reads the history back', async () => {
  const client = addon.client(installation);
  await client.rooms.notify(1, { message: 'Deployed <b>v2.3</b>', color: 'green' });
  expect(emulator.history(1).at(-1)).toMatchObject({ from: 'Deploys', message: 'Deployed <b>v2.3</b>', color: 'green' });
  const latest = await client.rooms.latestHistory(1, { maxResults: 1 });
  expect(latest.items.map((said) => said.message)).toEqual(['Deployed <b>v2.3</b>']);
});

test('a handler answers with a card through ctx.client', async () => {
  await emulator.postMessage({ room: 1, user: '@Grace', message: '/deployed v2.4' });   // resolves once the webhook has answered
  expect(emulator.history(1).at(-1)).toMatchObject({ from: 'Deploys', card: { id: 'deploy-v2.4' }, message: 'Deployed v2.4' });
});

test('a room notification token waits out flood control, and reaches its own room only', async () => {
  emulator.setLimits({ floodControl: { limit: 1, windowSeconds: 1 } });   // tiny, to meet a 429
  const ci = createTokenClient({ token: emulator.createRoomToken('Lobby', 'CI').token, apiUrl: emulator.apiUrl, logger: silentLogger });
  await ci.rooms.notify('Lobby', 'Build 118 passed');
  await ci.rooms.notify('Lobby', 'Build 119 passed');   // a 429 first: the client waits for the advertised reset
  expect(emulator.history('Lobby').slice(-2).map((said) => said.message)).toEqual(['Build 118 passed', 'Build 119 passed']);
  expect(emulator.log.apiRefusals.map((refusal) => refusal.code)).toEqual(['FLOOD_CONTROLLED']);

  const refused = await ci.rooms.notify('Engineering', 'not my room').catch((error: unknown) => error);
  expect(isConnectError(refused, 'HIPCHAT_ACCESS_DENIED')).toBe(true);   // the host's 403
});
