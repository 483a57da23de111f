import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore, silentLogger, type Addon, type Installation } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { signRequest } from 'hipchat-connect/testing';
import { buildAddon } from '../src/addon';
import { createApp } from '../src/app';

/** The app with the add-on mounted, installed into the emulator (a local HipChat) over real HTTP. */
describe('the app, with the add-on installed in the emulator', () => {
  let emulator: Emulator;
  let addon: Addon;
  let server: Server;
  let appUrl: string;
  let installation: Installation;

  beforeAll(async () => {
    emulator = await startEmulator();
    // development: accept installs from a loopback host, as `npm run dev` does with NODE_ENV=development.
    addon = buildAddon({ store: new MemoryStore(), development: true, logger: silentLogger });
    server = createApp(addon).listen(0, '127.0.0.1'); // a free port on loopback only
    await new Promise((resolve) => server.once('listening', resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { oauthId } = await emulator.install({ descriptorUrl: `${appUrl}/atlassian-connect.json`, roomId: emulator.rooms[0]!.id });
    installation = (await addon.installation(oauthId))!;
  });
  afterAll(async () => {
    server.close();
    await addon.close();
    await emulator.close();
  });

  it('still serves the app\'s own routes to anyone', async () => {
    expect(await (await fetch(`${appUrl}/ping`)).json()).toEqual({ pong: true });
  });

  it('answers /status typed in the room', async () => {
    const conversation = await emulator.postMessage({ room: emulator.rooms[0]!.id, user: '@Grace', message: '/status' });
    expect(conversation.replies[0]?.message).toBe('All systems go, @Grace.');
  });

  it('guards /api/whoami: 401 without a token or with a forged one, the caller named with a host-signed one', async () => {
    const missing = await fetch(`${appUrl}/api/whoami`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('JWT_MISSING');

    const forged = signRequest({ ...installation, oauthSecret: 'guessed' });
    expect((await fetch(`${appUrl}/api/whoami`, { headers: forged.headers })).status).toBe(401);

    const signed = signRequest(installation, { claims: { sub: '2' } });
    const answer = await fetch(`${appUrl}/api/whoami`, { headers: signed.headers });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ groupId: installation.groupId, roomId: installation.roomId, userId: '2' });
  });

  it('is uninstalled: the installation is gone, and its tokens are refused', async () => {
    await emulator.uninstall(installation.oauthId);
    expect(await addon.installation(installation.oauthId)).toBeUndefined();
    expect((await fetch(`${appUrl}/api/whoami`, { headers: signRequest(installation).headers })).status).toBe(401);
  });
});
