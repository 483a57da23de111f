import { problemsWith } from '../../../lib/core/schemas';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { startFakeAddon, type FakeAddon } from './fake-addon';
import { postToken } from './token-client';

let emulator: Emulator;
let addon: FakeAddon;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
beforeEach(async () => {
  addon = await startFakeAddon();
});
afterEach(() => addon.close());
afterAll(() => emulator.close());

/** The rejection of a promise, for assertions on its code and details. */
async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  return promise.then(() => { throw new Error('expected a rejection'); }, (error: unknown) => error);
}

const grantFields = { grant_type: 'client_credentials' };

describe('install', () => {
  it('installs into a room: the callback body matches schemas/installation and the credentials work during it', async () => {
    const room = emulator.rooms[0]!;
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: room.id });

    expect(addon.installs).toHaveLength(1);
    const { body, tokenStatus } = addon.installs[0]!;
    expect(problemsWith('installation', body)).toEqual([]);
    expect(body).toEqual({ capabilitiesUrl: emulator.capabilitiesUrl, oauthId: installation.oauthId, oauthSecret: installation.oauthSecret, groupId: emulator.group.id, roomId: room.id });
    expect(tokenStatus).toBe(200);
    expect(installation).toMatchObject({ roomId: room.id, descriptorUrl: addon.descriptorUrl, scopes: ['send_notification', 'view_room'], descriptor: { key: 'com.example.fake' } });
    expect(installation.oauthId).toMatch(/^[0-9a-f-]{36}$/);
    expect(installation.oauthSecret).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(emulator.log.installs.at(-1)).toEqual({ kind: 'install', oauthId: installation.oauthId, descriptorUrl: addon.descriptorUrl, roomId: room.id, status: 200, accepted: true });
  });

  it('installs into the group with no roomId in the body', async () => {
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl });
    const { body } = addon.installs[0]!;
    expect(problemsWith('installation', body)).toEqual([]);
    expect(body).not.toHaveProperty('roomId');
    expect(installation.roomId).toBeUndefined();
  });

  it('rolls the client back when the add-on answers non-2xx, and says what the add-on answered', async () => {
    addon.installAnswer = { status: 409, body: { error: 'oauthId already installed' } };
    const error = await rejectionOf(emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 }));
    expect(error).toMatchObject({ code: 'LIFECYCLE_HANDLER_FAILED', details: { status: 409, body: { error: 'oauthId already installed' } } });
    expect(error.message).toContain('409');
    expect(error.message).toContain('oauthId already installed');

    const { oauthId, oauthSecret } = addon.installs[0]!.body;
    expect((await postToken(emulator, { oauthId, oauthSecret }, grantFields)).status).toBe(401);
    expect(emulator.log.installs.at(-1)).toMatchObject({ oauthId, status: 409, accepted: false });
    const listed = await (await fetch(`${emulator.url}/emulator/installations`)).json();
    expect(listed.items.map((item: { oauthId: string }) => item.oauthId)).not.toContain(oauthId);
  });

  it.each([
    ['a room', { allowRoom: false }, 1],
    ['the group', { allowGlobal: false }, undefined],
  ])('refuses to install into %s the descriptor forbids, without calling the add-on', async (_target, flags, roomId) => {
    Object.assign(addon.descriptor.capabilities.installable, flags);
    const error = await rejectionOf(emulator.install({ descriptorUrl: addon.descriptorUrl, roomId }));
    expect(error.code).toBe('INSTALL_TARGET_NOT_ALLOWED');
    expect(error.message).toContain(Object.keys(flags)[0]);
    expect(addon.installs).toEqual([]);
  });

  it('installs into the group when only rooms are forbidden', async () => {
    addon.descriptor.capabilities.installable.allowRoom = false;
    await expect(emulator.install({ descriptorUrl: addon.descriptorUrl })).resolves.toMatchObject({ groupId: emulator.group.id });
  });

  it.each([
    ['unreachable', () => 'http://127.0.0.1:1/descriptor', 'HOST_UNREACHABLE'],
    ['answering 404', () => `${addon.url}/nothing`, 'HOST_UNREACHABLE'],
    ['off loopback', () => 'http://example.com/descriptor', 'HOST_NOT_ALLOWED'],
  ])('names a descriptor URL that is %s', async (_case, url, code) => {
    const error = await rejectionOf(emulator.install({ descriptorUrl: url() }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(url());
  });

  it('refuses an invalid descriptor, naming the problem', async () => {
    delete addon.descriptor.key;
    const error = await rejectionOf(emulator.install({ descriptorUrl: addon.descriptorUrl }));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toContain("required property 'key'");
  });

  it('refuses a room the emulator does not have', async () => {
    expect(await rejectionOf(emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 999 }))).toMatchObject({ code: 'PAYLOAD_INVALID' });
  });
});

describe('update', () => {
  it('posts the same body to updateCallbackUrl when declared, else to callbackUrl', async () => {
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 });
    await emulator.update(installation.oauthId);
    addon.descriptor.capabilities.installable.updateCallbackUrl = `${addon.url}/updated`;
    await emulator.update(installation.oauthId);
    expect(addon.installs.map((call) => call.path)).toEqual(['/installed', '/installed', '/updated']);
    expect(addon.installs[2]!.body).toEqual(addon.installs[0]!.body);
  });

  it('takes the re-fetched descriptor\'s scopes, and keeps the old ones if the add-on refuses', async () => {
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl });
    addon.descriptor.capabilities.hipchatApiConsumer.scopes = ['view_room'];
    addon.installAnswer = { status: 500 };
    await expect(emulator.update(installation.oauthId)).rejects.toMatchObject({ code: 'LIFECYCLE_HANDLER_FAILED' });
    expect((await postToken(emulator, installation, { ...grantFields, scope: 'send_notification' })).status).toBe(200);
    addon.installAnswer = { status: 200 };
    await expect(emulator.update(installation.oauthId)).resolves.toMatchObject({ scopes: ['view_room'] });
    expect((await postToken(emulator, installation, { ...grantFields, scope: 'send_notification' })).status).toBe(400);
  });

  it('sends the rotated secret under the same oauthId, as a hijacked re-install would', async () => {
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl });
    const secret = emulator.rotateSecret(installation.oauthId);
    await emulator.update(installation.oauthId);
    expect(addon.installs[1]!.body).toMatchObject({ oauthId: installation.oauthId, oauthSecret: secret });
    expect(secret).not.toBe(installation.oauthSecret);
  });
});

describe('uninstall', () => {
  it('removes the client before the DELETE arrives, so the add-on is told 401 and accepts', async () => {
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 });
    const answer = await emulator.uninstall(installation.oauthId);
    expect(addon.uninstalls).toEqual([{ oauthId: installation.oauthId, tokenStatus: 401 }]);
    expect(answer.status).toBe(204);
    expect(emulator.log.uninstalls.at(-1)).toEqual({ oauthId: installation.oauthId, status: 204, body: '' });
    await expect(emulator.uninstall(installation.oauthId)).rejects.toMatchObject({ code: 'INSTALLATION_NOT_FOUND' });
  });

  it('forgets the installation even when the add-on cannot be told', async () => {
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl });
    await addon.close();
    const error = await rejectionOf(emulator.uninstall(installation.oauthId));
    expect(error.code).toBe('HOST_UNREACHABLE');
    expect(error.message).toContain('was removed');
    expect((await postToken(emulator, installation, grantFields)).status).toBe(401);
    addon = await startFakeAddon();
  });
});

describe('over HTTP', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('POST /emulator/installations installs and answers 201 without the secret', async () => {
    const response = await post('/emulator/installations', { url: addon.descriptorUrl, roomId: 1 });
    expect(response.status).toBe(201);
    const installation = await response.json();
    expect(installation).toMatchObject({ oauthId: addon.installs[0]!.body.oauthId, roomId: 1, groupId: emulator.group.id, capabilitiesUrl: emulator.capabilitiesUrl });
    expect(installation).not.toHaveProperty('oauthSecret');

    const listed = await (await fetch(`${emulator.url}/emulator/installations`)).json();
    const mine = listed.items.find((item: { oauthId: string }) => item.oauthId === installation.oauthId);
    expect(mine).toEqual(installation);
  });

  it('GET /addons/install?url=&room= installs like HipChat\'s own link, taking a room name', async () => {
    const query = new URLSearchParams({ url: addon.descriptorUrl, room: 'Engineering' });
    const response = await fetch(`${emulator.url}/addons/install?${query}`);
    expect(response.status).toBe(201);
    expect((await response.json()).roomId).toBe(2);
  });

  it('DELETE /emulator/installations/{oauthId} uninstalls and reports the add-on\'s answer', async () => {
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl });
    const response = await fetch(`${emulator.url}/emulator/installations/${installation.oauthId}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ oauthId: installation.oauthId, addon: { status: 204, headers: expect.any(Object), body: '' } });
    const missing = await fetch(`${emulator.url}/emulator/installations/${installation.oauthId}`, { method: 'DELETE' });
    expect(missing.status).toBe(404);
  });

  it('answers errors in HipChat\'s shape: a bad request, a refusing add-on', async () => {
    const bad = await post('/emulator/installations', { roomId: 1 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 400, type: 'Bad Request', message: 'url is required', field: 'url' } });

    addon.installAnswer = { status: 403, body: { error: 'nope' } };
    const refused = await post('/emulator/installations', { url: addon.descriptorUrl });
    const body = await refused.json();
    expect(body.error.code).toBe(refused.status);
    expect(body.error.message).toContain('answered 403 {"error":"nope"}');
  });

  it('refuses malformed JSON with a 400', async () => {
    const response = await fetch(`${emulator.url}/emulator/installations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.type).toBe('Bad Request');
  });
});
