import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { allLoopback } from '../../../lib/emulator/loopback';
import type { Logger } from '../../../lib/logger';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { call, errorBody } from './api-client';
import { startFakeAddon, type FakeAddon } from './fake-addon';

/**
 * The host as HipChat was, where an add-on written with Atlassian's own framework (ACE-HipChat) found
 * the emulator different (issue 13): one test per difference, each over real HTTP.
 */
let emulator: CheckedEmulator;
let addon: FakeAddon;
const warnings: Array<{ fields: Record<string, unknown>; message: string }> = [];
const logger: Logger = { debug() {}, info() {}, error() {}, warn: (fields, message) => void warnings.push({ fields, message }) };

beforeEach(async () => {
  warnings.length = 0;
  emulator = await startCheckedEmulator({ logger });
  addon = await startFakeAddon();
});
afterEach(async () => {
  await emulator.settled();
  emulator.assertContract();
  await emulator.close();
  await addon.close();
});

/** A token for the installation, asked for as an add-on does. */
async function addonToken(credentials: { oauthId: string; oauthSecret: string }, scope = 'send_notification view_room'): Promise<string> {
  const response = await fetch(`${emulator.apiUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${credentials.oauthId}:${credentials.oauthSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function installOverHttp(body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${emulator.url}/emulator/installations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe('1. view_room reads a room', () => {
  it('lets a room notification token (send_notification + view_room) read its room, participants and members', async () => {
    const { token } = emulator.createRoomToken(1);
    const room = await call(emulator, 'GET', '/room/1', { token });
    expect(room).toMatchObject({ status: 200, body: { id: 1, name: 'Lobby' } });
    expect((await call(emulator, 'GET', '/room/1/participant', { token })).status).toBe(200);
    expect((await call(emulator, 'GET', '/room/1/member', { token })).status).toBe(200);
  });

  it('takes view_group for the same calls, and refuses a token with neither', async () => {
    const group = emulator.createPersonalToken(1, ['view_group']).token;
    expect((await call(emulator, 'GET', '/room/1/participant', { token: group })).status).toBe(200);
    const neither = emulator.createPersonalToken(1, ['send_notification']).token;
    expect(await call(emulator, 'GET', '/room/1', { token: neither })).toMatchObject({ status: 401, body: errorBody(401) });
  });
});

describe('2. the installation is live during its install callback', () => {
  beforeEach(() => {
    const icon = { url: `${addon.url}/icon.png`, 'url@2x': `${addon.url}/icon.png` };
    addon.descriptor.capabilities.glance = [{ key: 'status', name: { value: 'Status' }, icon }];
  });
  const glancePush = { glance: [{ key: 'status', content: { label: { type: 'html', value: '<b>ready</b>' } } }] };

  it('signs the add-on\'s "installed" notice with its name and takes its glance push, before the add-on answers', async () => {
    const answers: number[] = [];
    addon.duringInstall = async (credentials) => {
      const token = await addonToken(credentials);
      answers.push((await call(emulator, 'POST', '/room/1/notification', { token, body: { message: 'Fake is installed' } })).status);
      answers.push((await call(emulator, 'POST', '/addon/ui/room/1', { token, body: glancePush })).status);
    };
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 });
    expect(answers).toEqual([204, 204]);
    expect(emulator.history(1).at(-1)).toMatchObject({ from: 'Fake', message: 'Fake is installed' });
    expect(emulator.glances()).toEqual([expect.objectContaining({ oauthId: installation.oauthId, key: 'status' })]);
  });

  it('removes the installation and what it made meanwhile when the callback fails', async () => {
    let token = '';
    addon.duringInstall = async (credentials) => {
      token = await addonToken(credentials);
      await call(emulator, 'POST', '/addon/ui/room/1', { token, body: glancePush });
    };
    addon.installAnswer = { status: 500, body: { error: 'database down' } };
    await expect(emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 })).rejects.toMatchObject({ code: 'LIFECYCLE_HANDLER_FAILED' });
    expect(emulator.glances()).toEqual([]);
    expect((await call(emulator, 'POST', '/room/1/notification', { token, body: { message: 'too late' } })).status).toBe(401);
    expect((await (await fetch(`${emulator.url}/emulator/installations`)).json()).items).toEqual([]);
  });
});

describe('3. room ids', () => {
  it('never gives a deleted room\'s id to a new room', async () => {
    const token = emulator.createPersonalToken(1, ['manage_rooms']).token;
    const first = await call(emulator, 'POST', '/room', { token, body: { name: 'Stand-up' } });
    expect((await call(emulator, 'DELETE', `/room/${first.body.id}`, { token })).status).toBe(204);
    const second = await call(emulator, 'POST', '/room', { token, body: { name: 'Retro' } });
    expect(second.status).toBe(201);
    expect(second.body.id).toBeGreaterThan(first.body.id);
  });
});

describe('4. descriptor webhooks without authentication', () => {
  it('delivers them unsigned, HipChat\'s default, and signs those that declare jwt', async () => {
    delete addon.descriptor.capabilities.webhook[0].authentication;
    const { oauthId } = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 });
    await emulator.sendWebhook({ oauthId, event: 'room_message', item: { message: { message: '/weather' } } });
    await emulator.sendWebhook({ oauthId, event: 'room_enter' });
    const [unsigned, signed] = addon.webhooks;
    expect(unsigned).toMatchObject({ path: '/webhook/weather', authorization: undefined, query: {} });
    expect(signed).toMatchObject({ path: '/webhook/enter', authorization: expect.stringMatching(/^JWT /) });
  });
});

describe('5. the files ACE-HipChat\'s pages load from the host', () => {
  it('serves /atlassian-connect/all-debug.js (the same API as all.js) and all.css', async () => {
    const allJs = await (await fetch(`${emulator.url}/atlassian-connect/all.js`)).text();
    const debug = await fetch(`${emulator.url}/atlassian-connect/all-debug.js`);
    expect(debug.status).toBe(200);
    expect(debug.headers.get('content-type')).toMatch(/javascript/);
    expect(await debug.text()).toBe(allJs);
    const css = await fetch(`${emulator.url}/atlassian-connect/all.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

describe('6. descriptor validation at install', () => {
  it('answers 400 naming the problems, not 500', async () => {
    delete addon.descriptor.key;
    addon.descriptor.capabilities.webhook[0].event = 'room_dance';
    const answer = await installOverHttp({ url: addon.descriptorUrl });
    expect(answer).toMatchObject({ status: 400, body: errorBody(400) });
    expect(answer.body.error.message).toContain("required property 'key'");
    expect(answer.body.error.message).toContain('/capabilities/webhook/0/event');
  });

  it('ignores members HipChat did not know, with a warning in the emulator\'s log', async () => {
    addon.descriptor.baseUrl = addon.url;
    addon.descriptor.capabilities.webhook[0].note = 'from ACE';
    const answer = await installOverHttp({ url: addon.descriptorUrl, roomId: 1 });
    expect(answer.status).toBe(201);
    expect(answer.body.descriptor).not.toHaveProperty('baseUrl');
    expect(warnings.map((warning) => warning.fields.member)).toEqual(expect.arrayContaining(['/baseUrl', '/capabilities/webhook/0/note']));
    expect(addon.installs).toHaveLength(1);
  });
});

describe('7. installing and uninstalling through the REST API', () => {
  it('POST /addon installs into the group (201, Location) and DELETE /addon/{key}/installable/{id} uninstalls (204)', async () => {
    const token = emulator.createPersonalToken('@Ada', ['admin_group']).token;
    const installed = await call(emulator, 'POST', '/addon', { token, body: { url: addon.descriptorUrl } });
    expect(installed.status).toBe(201);
    const location = installed.headers.get('location') ?? '';
    const [, key, oauthId] = /\/addon\/([^/]+)\/installable\/([^/]+)$/.exec(location) ?? [];
    expect(key).toBe('com.example.fake');
    expect(addon.installs).toEqual([expect.objectContaining({ body: expect.objectContaining({ oauthId }) })]);
    expect(addon.installs[0]?.body).not.toHaveProperty('roomId');

    expect((await call(emulator, 'DELETE', `/addon/${key}/installable/${oauthId}`, { token })).status).toBe(204);
    await emulator.settled();
    expect(addon.uninstalls).toEqual([{ oauthId, tokenStatus: 401 }]);
    expect((await call(emulator, 'DELETE', `/addon/${key}/installable/${oauthId}`, { token })).status).toBe(404);
  });

  it('needs admin_group, a group admin, and a token for the whole group', async () => {
    const body = { url: addon.descriptorUrl };
    const withoutScope = emulator.createPersonalToken('@Ada', ['view_group']).token;
    expect((await call(emulator, 'POST', '/addon', { token: withoutScope, body })).status).toBe(401);
    const notAdmin = emulator.createPersonalToken('@Grace', ['admin_group']).token;
    expect((await call(emulator, 'POST', '/addon', { token: notAdmin, body })).status).toBe(403);
    const { oauthId } = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 2 });
    const roomToken = await addonToken(addon.installs[0]!.body, 'send_notification');
    expect((await call(emulator, 'DELETE', `/addon/com.example.fake/installable/${oauthId}`, { token: roomToken })).status).toBe(401);
    expect(await call(emulator, 'DELETE', `/addon/com.example.other/installable/${oauthId}`, { token: emulator.createPersonalToken('@Ada', ['admin_group']).token }))
      .toMatchObject({ status: 404, body: errorBody(404) });
    expect(emulator.log.apiRefusals.map(({ code }) => code)).toEqual(['SCOPE_MISSING', 'ACCESS_FORBIDDEN', 'SCOPE_MISSING', 'RESOURCE_NOT_FOUND']);
  });
});

describe('8. room owners are strings, as the OpenAPI document types them', () => {
  it('refuses a number for owner_user_id (POST /room) and owner.id (PUT /room/{id}), and takes the same id as a string', async () => {
    const token = emulator.createPersonalToken(1, ['manage_rooms', 'admin_room']).token;
    expect(await call(emulator, 'POST', '/room', { token, body: { name: 'Numbers', owner_user_id: 2 } })).toMatchObject({ status: 400, body: errorBody(400, 'owner_user_id') });
    expect(await call(emulator, 'PUT', '/room/1', { token, body: { owner: { id: 2 } } })).toMatchObject({ status: 400, body: errorBody(400, 'owner.id') });
    expect(emulator.takeViolations().map((violation) => violation.where)).toEqual(['request', 'request']);

    const created = await call(emulator, 'POST', '/room', { token, body: { name: 'Strings', owner_user_id: '2' } });
    expect(created.status).toBe(201);
    expect((await call(emulator, 'PUT', '/room/1', { token, body: { owner: { id: '@Grace' } } })).status).toBe(204);
    expect(emulator.rooms.find((room) => room.name === 'Strings')?.owner).toBe(2);
    expect(emulator.rooms.find((room) => room.id === 1)?.owner).toBe(2);
  });
});

describe('9. a base URL on a host name that resolves to loopback', () => {
  /** The add-on's own URLs, on this machine's host name: ACE's default base URL. */
  function onHostName(): string {
    const base = addon.url.replace('127.0.0.1', hostname());
    addon.descriptor = JSON.parse(JSON.stringify(addon.descriptor).split(addon.url).join(base));
    return `${base}/descriptor`;
  }

  it('installs and delivers webhooks when every address of the name is loopback, and refuses otherwise', async () => {
    const addresses = (await lookup(hostname(), { all: true })).map((entry) => entry.address);
    const install = emulator.install({ descriptorUrl: onHostName(), roomId: 1 });
    if (!allLoopback(addresses)) {
      await expect(install).rejects.toMatchObject({ code: 'HOST_NOT_ALLOWED' });
      return;
    }
    const { oauthId } = await install;
    expect(addon.installs).toHaveLength(1);
    expect((await emulator.sendWebhook({ oauthId, event: 'room_enter' })).status).toBe(204);
  });

  it('refuses a name that does not resolve, saying so', async () => {
    const error = await emulator.install({ descriptorUrl: 'http://no-such-host.invalid/descriptor' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect((error as Error).message).toContain('does not resolve');
  });
});
