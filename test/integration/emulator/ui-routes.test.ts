import jwt from 'jsonwebtoken';
import request from 'supertest';
import { silentLogger } from 'hipchat-connect';
import { startEmulator, type Emulator, type HostInstallation } from 'hipchat-connect/emulator';
import { startFakeAddon, type FakeAddon } from './fake-addon';
import { postToken } from './token-client';

/**
 * What the web UI asks of the host over HTTP: its files, the world, the signed URLs of add-on pages and
 * glance queries, tokens for `HipChat.auth.withToken`, and the live feed.
 */
let emulator: Emulator;
let addon: FakeAddon;
let roomInstall: HostInstallation;
let groupInstall: HostInstallation;

beforeAll(async () => {
  emulator = await startEmulator({ logger: silentLogger });
  addon = await startFakeAddon();
  const base = addon.url;
  Object.assign(addon.descriptor.capabilities, {
    glance: [
      { key: 'status', name: { value: 'Status' }, icon: { url: `${base}/i.png`, 'url@2x': `${base}/i.png` }, queryUrl: `${base}/glance`, target: 'panel' },
      { key: 'quiet', name: { value: 'Quiet' }, icon: { url: `${base}/i.png`, 'url@2x': `${base}/i.png` } },
    ],
    webPanel: [{ key: 'panel', name: { value: 'Panel' }, location: 'hipchat.sidebar.right', url: `${base}/panel?room={room_id}&user={user_id}&text={message.body}&city={city}&who={user.mention_name}` }],
    dialog: [
      { key: 'ask', title: { value: 'Ask' }, url: `${base}/ask`, options: { size: 'small', primaryAction: { name: { value: 'Go' }, key: 'go' } } },
      { key: 'open-dialog', title: { value: 'Open' }, url: `${base}/open`, authentication: 'none' },
    ],
    externalPage: [{ key: 'docs', url: `${base}/docs` }, { key: 'far', url: 'https://docs.example.com/weather' }],
    configurable: { url: `${base}/configure`, allowAccessToRoomAdmins: true },
  });
  roomInstall = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 2 });
  groupInstall = await emulator.install({ descriptorUrl: addon.descriptorUrl });
});

afterAll(async () => {
  await emulator.close();
  await addon.close();
});

const post = (path: string, body: unknown) => request(emulator.url).post(path).send(body as object);
const addonToken = async (installation: HostInstallation): Promise<string> =>
  (await postToken(emulator, installation, { grant_type: 'client_credentials' })).body.access_token;
const claimsOf = (url: string, installation: HostInstallation) =>
  jwt.verify(new URL(url).searchParams.get('signed_request') ?? '', installation.oauthSecret, { algorithms: ['HS256'] }) as jwt.JwtPayload;

describe('the web UI and the host script', () => {
  it('serves the page with a policy that allows no inline script', async () => {
    const page = await request(emulator.url).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.text).toContain('<script type="module" src="/ui/app.js"></script>');
  });

  it('serves its files as they are, and nothing outside their folder', async () => {
    const script = await request(emulator.url).get('/ui/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(emulator.url).get('/ui/../../../package.json')).status).toBe(404);
    expect((await request(emulator.url).get('/ui/%2e%2e/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  it('serves the JavaScript API where add-on pages of any origin can load it', async () => {
    const script = await request(emulator.url).get('/atlassian-connect/all.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.text).toContain('global.HipChat = global.AP = api');
  });

  it('answers the world to pick a room and a user from', async () => {
    const world = await request(emulator.url).get('/emulator/world');
    expect(world.body).toMatchObject({ group: { id: 1 }, users: [{ id: 1, mention_name: 'Ada' }, {}, {}], rooms: [{ name: 'Lobby' }, { name: 'Engineering' }] });
  });
});

describe('GET /emulator/ui/rooms/:room/messages', () => {
  it('answers the room\'s history, each message with the installation that sent it', async () => {
    await emulator.postMessage({ room: 'Engineering', user: '@Grace', message: 'Status?' });
    const token = await addonToken(roomInstall);
    const sent = await fetch(`${emulator.apiUrl}/room/2/notification`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ message: 'All green' }),
    });
    expect(sent.status).toBe(204);
    const answer = await request(emulator.url).get('/emulator/ui/rooms/Engineering/messages');
    expect(answer.body.items.slice(-2)).toEqual([
      { message: expect.objectContaining({ message: 'Status?', type: 'message' }) },
      { message: expect.objectContaining({ message: 'All green', type: 'notification', from: 'Fake' }), oauthId: roomInstall.oauthId },
    ]);
    expect((await request(emulator.url).get('/emulator/ui/rooms/Nowhere/messages')).status).toBe(400);
  });
});

describe('POST /emulator/ui/views', () => {
  it('signs a webPanel for the user and room, and fills its placeholders, the host\'s values first', async () => {
    const view = await post('/emulator/ui/views', {
      oauthId: roomInstall.oauthId, user: 2, room: 'Engineering', key: 'panel',
      urlTemplateValues: { city: 'Oslo & Bergen', room_id: 99 }, message: { body: 'Rain in Oslo' },
    });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ kind: 'webPanel', key: 'panel', module: { name: { value: 'Panel' } } });
    const url = new URL(view.body.url);
    expect(url.origin + url.pathname).toBe(`${addon.url}/panel`);
    expect(Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'signed_request')))
      .toEqual({ room: '2', user: '2', text: 'Rain in Oslo', city: 'Oslo & Bergen', who: 'Grace' });
    expect(claimsOf(view.body.url, roomInstall)).toMatchObject({ iss: roomInstall.oauthId, sub: '2', context: { room_id: 2, user_tz: 'America/New_York' } });
  });

  it('opens dialogs and external pages, and leaves an authentication: none page unsigned', async () => {
    const dialog = await post('/emulator/ui/views', { oauthId: groupInstall.oauthId, user: 1, room: 1, key: 'ask' });
    expect(dialog.body).toMatchObject({ kind: 'dialog', module: { title: { value: 'Ask' }, options: { size: 'small' } } });
    expect(claimsOf(dialog.body.url, groupInstall)).toMatchObject({ sub: '1', context: { room_id: 1 } });
    expect((await post('/emulator/ui/views', { oauthId: groupInstall.oauthId, user: 1, room: 1, key: 'docs' })).body.kind).toBe('externalPage');
    const unsigned = await post('/emulator/ui/views', { oauthId: groupInstall.oauthId, user: 1, room: 1, key: 'open-dialog' });
    expect(unsigned.body.url).toBe(`${addon.url}/open`);
  });

  it.each([
    ['an unknown installation', { oauthId: 'nobody', user: 1, room: 1, key: 'panel' }, 404],
    ['an unknown module', { user: 1, room: 1, key: 'nothing' }, 404],
    ['a module that is no page', { user: 1, room: 1, key: 'status' }, 404],
    ['an unknown user', { user: 99, room: 1, key: 'panel' }, 400],
    ['an unknown room', { user: 1, room: 'Nowhere', key: 'panel' }, 400],
    ['a page off loopback', { user: 1, room: 1, key: 'far' }, 403],
  ])('refuses %s', async (_what, body, status) => {
    const answer = await post('/emulator/ui/views', { oauthId: groupInstall.oauthId, ...body });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(status);
  });

  it('refuses a room installation\'s page in another room', async () => {
    expect((await post('/emulator/ui/views', { oauthId: roomInstall.oauthId, user: 1, room: 1, key: 'panel' })).status).toBe(403);
  });

  it.each([
    ['without oauthId', { user: 1, key: 'panel' }, 'oauthId'],
    ['without user', { oauthId: 'x', key: 'panel' }, 'user'],
    ['with a user that is an object', { oauthId: 'x', user: {}, key: 'panel' }, 'user'],
    ['with template values that are not an object', { oauthId: 'x', user: 1, key: 'panel', urlTemplateValues: 'city=Oslo' }, 'urlTemplateValues'],
  ])('refuses a body %s, naming the field', async (_what, body, field) => {
    const answer = await post('/emulator/ui/views', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe(field);
  });

  it('refuses a malformed body and an oversized one', async () => {
    const malformed = await request(emulator.url).post('/emulator/ui/views').set('content-type', 'application/json').send('{"oauthId": ');
    expect(malformed.status).toBe(400);
    const oversized = await post('/emulator/ui/views', { oauthId: groupInstall.oauthId, user: 1, key: 'panel', message: { body: 'x'.repeat(70 * 1024) } });
    expect(oversized.status).toBe(413);
  });
});

describe('POST /emulator/ui/glance-queries', () => {
  it('signs a glance query as HipChat sent it', async () => {
    const answer = await post('/emulator/ui/glance-queries', { oauthId: roomInstall.oauthId, user: 3, room: 2, key: 'status' });
    const url = new URL(answer.body.url);
    expect(url.origin + url.pathname).toBe(`${addon.url}/glance`);
    expect(url.searchParams.get('connect_client_api_version')).toBe('1');
    expect(claimsOf(answer.body.url, roomInstall)).toMatchObject({ sub: '3', context: { room_id: 2, user_tz: 'Europe/London' } });
  });

  it('refuses a glance without a queryUrl, and a key the add-on does not have', async () => {
    expect((await post('/emulator/ui/glance-queries', { oauthId: roomInstall.oauthId, user: 1, room: 2, key: 'quiet' })).status).toBe(404);
    expect((await post('/emulator/ui/glance-queries', { oauthId: roomInstall.oauthId, user: 1, room: 2, key: 'loud' })).status).toBe(404);
  });
});

describe('POST /emulator/ui/configuration-pages', () => {
  it('signs the configuration page for a group admin; a group installation\'s has no room', async () => {
    const answer = await post('/emulator/ui/configuration-pages', { oauthId: groupInstall.oauthId, user: 1 });
    expect(answer.status).toBe(200);
    const claims = claimsOf(answer.body.url, groupInstall);
    expect(claims.context).toEqual({ user_tz: 'Europe/London' });
  });

  it('lets the owner of the room in, when the add-on allows room admins, and nobody else', async () => {
    // Grace owns Engineering, where roomInstall is; Alan owns nothing and is no admin.
    expect((await post('/emulator/ui/configuration-pages', { oauthId: roomInstall.oauthId, user: 2 })).status).toBe(200);
    expect((await post('/emulator/ui/configuration-pages', { oauthId: groupInstall.oauthId, user: 2 })).status).toBe(403);
    expect((await post('/emulator/ui/configuration-pages', { oauthId: roomInstall.oauthId, user: 3 })).status).toBe(403);
  });
});

describe('POST /emulator/ui/host-tokens', () => {
  it('answers a fresh token for the view\'s installation, user and room, never cached', async () => {
    const answer = await post('/emulator/ui/host-tokens', { oauthId: groupInstall.oauthId, user: 3, room: 1 });
    expect(answer.headers['cache-control']).toBe('no-store');
    const claims = jwt.verify(answer.body.token, groupInstall.oauthSecret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims).toMatchObject({ iss: groupInstall.oauthId, sub: '3', context: { room_id: 1 } });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('refuses an unknown installation', async () => {
    expect((await post('/emulator/ui/host-tokens', { oauthId: 'nobody', user: 1, room: 1 })).status).toBe(404);
  });
});

describe('GET /emulator/events', () => {
  it('streams messages, glance pushes and installation changes as they happen', async () => {
    const stream = await openStream(`${emulator.url}/emulator/events`);
    try {
      await emulator.postMessage({ room: 'Lobby', user: '@Alan', message: 'Hello, stream' });
      const said = await stream.next('message');
      expect(said).toMatchObject({ type: 'message', roomId: 1, message: { message: 'Hello, stream', from: { mention_name: 'Alan' } } });
      expect(said).not.toHaveProperty('oauthId');

      const token = await addonToken(groupInstall);
      const push = await fetch(`${emulator.apiUrl}/addon/ui/room/1`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ glance: [{ key: 'status', content: { label: { type: 'html', value: '<b>2</b> up' } } }] }),
      });
      expect(push.status).toBe(204);
      expect(await stream.next('glance')).toMatchObject({ glance: { oauthId: groupInstall.oauthId, key: 'status', scope: { room: 1 }, content: { label: { value: '<b>2</b> up' } } } });

      const extra = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 });
      expect(await stream.next('installations')).toEqual({ type: 'installations' });
      await emulator.uninstall(extra.oauthId);
      expect(await stream.next('installations')).toEqual({ type: 'installations' });
    } finally {
      stream.close();
    }
  });

  it('ends open streams when the emulator closes', async () => {
    const own = await startEmulator({ logger: silentLogger });
    const stream = await openStream(`${own.url}/emulator/events`);
    await own.close();
    await expect(stream.ended).resolves.toBe(true);
  });
});

/** A server-sent event stream read with fetch: `next(type)` waits for the next event of that type. */
async function openStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return true;
      buffer += value;
    }
  })();
  return {
    ended,
    async next(type: string): Promise<unknown> {
      for (let waited = 0; waited < 100; waited++) {
        const match = new RegExp(`event: ${type}\\ndata: (.*)\\n\\n`).exec(buffer);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return JSON.parse(match[1]!);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no ${type} event arrived; the stream so far: ${buffer}`);
    },
    close: () => controller.abort(),
  };
}
