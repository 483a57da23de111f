import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { buildAddon } from '../src/addon';
import { pageApi } from '../src/routes';
import { openPage, queryGlance, type Viewing } from './host';

/**
 * The add-on installed into the emulator (a local HipChat) and used as a room would use it, over real
 * HTTP: the install flow, a slash command, the glance, the sidebar's page token, the dialog, the
 * configuration page and the uninstall.
 */
describe('the add-on, installed in the emulator', () => {
  const store = new MemoryStore();
  let emulator: Emulator;
  let addon: Addon;
  let server: Server;
  let addonUrl: string;
  let viewing: Viewing; // Ada, in the Lobby

  beforeAll(async () => {
    emulator = await startEmulator();
    // development: accept installs from a loopback host, as `npm run dev` does with NODE_ENV=development.
    addon = buildAddon({ store, development: true, logger: silentLogger });
    server = await addon.listen({ port: 0, app: pageApi(addon) }); // a free port on 127.0.0.1
    addonUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const lobby = emulator.rooms[0]!;
    const { oauthId } = await emulator.install({ descriptorUrl: `${addonUrl}/atlassian-connect.json`, roomId: lobby.id });
    viewing = { oauthId, user: emulator.users[0]!.id, room: lobby.id };
  });
  afterAll(async () => {
    server.close();
    await addon.close();
    await emulator.close();
  });

  const pageApiCall = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${addonUrl}${path}`, { ...init, headers: { authorization: `JWT ${token}`, 'content-type': 'application/json', ...init.headers } });

  const errorCodeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

  it('is installed: the add-on stored the installation the emulator made', async () => {
    expect(await addon.installation(viewing.oauthId)).toMatchObject({ oauthId: viewing.oauthId, roomId: viewing.room });
  });

  it('answers /hello in the room, and pushes the glance to it', async () => {
    const conversation = await emulator.postMessage({ room: viewing.room, user: '@Grace', message: '/hello Alan' });
    expect(conversation.replies.map((reply) => reply.message)).toEqual(['Hello, Alan!']);
    const pushed = emulator.glances().find((glance) => glance.oauthId === viewing.oauthId);
    expect(pushed?.content).toMatchObject({ label: { value: 'Greeted <b>Alan</b>' } });
  });

  it('greets the sender when /hello names nobody', async () => {
    const conversation = await emulator.postMessage({ room: viewing.room, user: '@Grace', message: '/hello' });
    expect(conversation.replies[0]?.message).toBe('Hello, Grace Hopper!');
  });

  it('answers the glance query the host signs', async () => {
    expect(await queryGlance(emulator, viewing, 'greetings')).toMatchObject({ label: { type: 'html', value: 'Greeted <b>Grace Hopper</b>' } });
  });

  it('serves the sidebar, whose page token the add-on\'s API accepts for this installation and room', async () => {
    const sidebar = await openPage(emulator, viewing, 'greetings-sidebar');
    expect(sidebar.status).toBe(200);
    const answer = await pageApiCall('/api/greetings', sidebar.token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ greeting: 'Hello', lastGreeted: 'Grace Hopper' });
  });

  it('refuses the API without a page token, or with a forged one', async () => {
    expect((await fetch(`${addonUrl}/api/greetings`)).status).toBe(401);
    const forged = await pageApiCall('/api/greetings', 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl');
    expect(forged.status).toBe(401);
  });

  it('sends a greeting from the dialog to the room', async () => {
    const dialog = await openPage(emulator, viewing, 'send-greeting');
    const sent = await pageApiCall('/api/greetings', dialog.token, { method: 'POST', body: JSON.stringify({ who: 'Ada' }) });
    expect(sent.status).toBe(204);
    expect(emulator.history(viewing.room).at(-1)).toMatchObject({ type: 'notification', message: 'Hello, Ada!' });

    const refused = await pageApiCall('/api/greetings', dialog.token, { method: 'POST', body: JSON.stringify({ who: '' }) });
    expect(refused.status).toBe(400);
    expect(await errorCodeOf(refused)).toBe('PAYLOAD_INVALID');
    const garbled = await pageApiCall('/api/greetings', dialog.token, { method: 'POST', body: '{"who":' });
    expect(garbled.status).toBe(400);
    expect(await errorCodeOf(garbled)).toBe('BODY_MALFORMED');
  });

  it('stores the greeting its configuration page sets, for this installation only', async () => {
    const settings = await openPage(emulator, viewing);
    expect(settings.html).toContain('value="Hello"');
    const saved = await pageApiCall('/api/settings', settings.token, { method: 'PUT', body: JSON.stringify({ greeting: 'Howdy' }) });
    expect(saved.status).toBe(204);

    const conversation = await emulator.postMessage({ room: viewing.room, message: '/hello team' });
    expect(conversation.replies[0]?.message).toBe('Howdy, team!');
    expect((await openPage(emulator, viewing)).html).toContain('value="Howdy"');
  });

  it('is uninstalled: the installation and everything stored for it are gone', async () => {
    await emulator.uninstall(viewing.oauthId);
    expect(await addon.installation(viewing.oauthId)).toBeUndefined();
    expect(await store.getValue(viewing.oauthId, 'greeting')).toBeUndefined();
  });
});
