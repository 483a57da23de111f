import { SCOPES, type Collection, type Installation, type InstallationClient, type Message } from 'hipchat-connect';
import { failureOf } from '../../support/failure';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';
import { startClientFixture, type ClientFixture } from './fixture';

/**
 * Every call of the REST API (docs/protocol.md#api-calls) made through the REST client against the emulator,
 * over real HTTP, with the example add-on installed for the whole group (scopes for every call) and its
 * tokens in Redis. Each result is held against what the emulator then holds, and each exchange against the
 * OpenAPI contract.
 */
expectNoUnhandledRejections();
let fixture: ClientFixture;
let client: InstallationClient;
let installation: Installation;

const EVERY_SCOPE = SCOPES.filter((scope) => scope !== 'import_data');

beforeAll(async () => {
  // Flood control would stop a suite that posts this much to one room; the limits have tests of their own.
  fixture = await startClientFixture({ installs: ['group'], scopes: [...EVERY_SCOPE], emulator: { floodControl: { limit: 1000 } } });
  [installation] = fixture.installations as [Installation];
  client = fixture.stack.addon.client(installation);
});
afterEach(() => fixture?.assertContract());
afterAll(() => fixture?.close());

const emulator = () => fixture.stack.emulator;
const lastIn = (room: number | string) => emulator().history(room).at(-1);

describe('messages and notifications', () => {
  it('rooms.notify posts a text notification from the add-on', async () => {
    await client.rooms.notify(1, 'Build 118 passed');
    expect(lastIn(1)).toMatchObject({ type: 'notification', from: 'Weather', message: 'Build 118 passed', message_format: 'text', color: 'yellow', notify: false });
  });

  it('rooms.notify takes the host\'s fields, by room name', async () => {
    await client.rooms.notify('Lobby', { message: 'Build <b>119</b> failed', color: 'red', notify: true, from: 'CI' });
    expect(lastIn(1)).toMatchObject({ from: 'CI', message: 'Build <b>119</b> failed', message_format: 'html', color: 'red', notify: true });
  });

  it('rooms.notify sends a card, with a text message made from it', async () => {
    const card = { style: 'link', id: 'pr-42', title: 'Fix the login', url: 'https://git.example/pr/42', description: 'Users could not log in' } as const;
    await client.rooms.notify(1, { card, color: 'purple' });
    expect(lastIn(1)).toMatchObject({ card, message: 'Fix the login\nUsers could not log in\nhttps://git.example/pr/42', message_format: 'text', color: 'purple' });
  });

  it('rooms.sendMessage answers the id and time the history holds; reply and shareLink follow it', async () => {
    const sent = await client.rooms.sendMessage(1, 'Shipping now');
    expect(lastIn(1)).toMatchObject({ id: sent.id, date: sent.timestamp, type: 'message', from: 'Weather', message: 'Shipping now' });

    await client.rooms.reply(1, sent.id, 'Done');
    expect(lastIn(1)).toMatchObject({ message: 'Done', parentMessageId: sent.id });
    await client.rooms.shareLink(1, 'https://ci.example.com/builds/118', 'The log');
    expect(lastIn(1)).toMatchObject({ message: 'The log', message_links: [{ type: 'link', url: 'https://ci.example.com/builds/118' }] });
  });

  it('users.sendMessage sends a private message, by @mention', async () => {
    await client.users.sendMessage('@Grace', 'Your build is green');
    await client.users.sendMessage(2, { message: '<b>Really</b> green', notify: true, message_format: 'html' });
    expect(emulator().privateMessages(2).map(({ message, message_format }) => [message, message_format]))
      .toEqual([['Your build is green', 'text'], ['<b>Really</b> green', 'html']]);
  });
});

describe('history', () => {
  let said: string[];
  beforeAll(async () => {
    const { id } = await client.rooms.create({ name: 'History' });
    for (const text of ['one', 'two', 'three', 'four', 'five']) await client.rooms.notify(id, text);
    said = emulator().history(id).map((message) => message.id);
  });

  it('rooms.history iterates every message across pages, newest first', async () => {
    const read: string[] = [];
    for await (const message of client.rooms.history('History', { maxResults: 2, reverse: false })) read.push(message.id);
    expect(read).toEqual([...said].reverse());
  });

  it('rooms.history gives one page, oldest first by default', async () => {
    const page = await client.rooms.history('History', { maxResults: 2 }).page(1);
    expect(page.items.map((message) => message.message)).toEqual(['three', 'four']);
  });

  it('rooms.latestHistory answers the newest messages from not-before on', async () => {
    const latest = await client.rooms.latestHistory('History', { notBefore: said[2], maxResults: 10 });
    expect(latest.items.map((message) => message.id)).toEqual(said.slice(2));
  });
});

describe('rooms', () => {
  it('rooms.list iterates the group\'s rooms across pages, private ones when asked', async () => {
    const names = async (options: { includePrivate?: boolean }) => {
      const found: string[] = [];
      for await (const room of client.rooms.list({ ...options, maxResults: 1 })) found.push(room.name);
      return found;
    };
    const rooms = emulator().rooms.filter((room) => !room.is_archived);
    expect(await names({})).toEqual(rooms.filter((room) => room.privacy === 'public').map((room) => room.name));
    expect(await names({ includePrivate: true })).toEqual(rooms.map((room) => room.name));
  });

  it('rooms.get answers the room the emulator holds, by id or name', async () => {
    const room = await client.rooms.get('Engineering');
    const held = emulator().rooms.find((each) => each.name === 'Engineering')!;
    expect(room).toMatchObject({ id: held.id, name: held.name, privacy: held.privacy, topic: held.topic, owner: { id: held.owner } });
    expect(room.participants?.map((user) => user.id)).toEqual(held.participants);
    expect(await client.rooms.get(held.id)).toEqual(room);
  });

  it('rooms.create, update, setTopic and delete change the rooms the emulator holds', async () => {
    const created = await client.rooms.create({ name: 'Incident 7', topic: 'Payments', privacy: 'private', owner_user_id: '2' });
    expect(created).toEqual({ id: expect.any(Number), links: { self: `${emulator().apiUrl}/room/${created.id}` } });
    expect(emulator().rooms.find((room) => room.id === created.id)).toMatchObject({ name: 'Incident 7', topic: 'Payments', privacy: 'private', owner: 2 });

    await client.rooms.setTopic(created.id, 'Payments are slow');
    await client.rooms.update(created.id, { name: 'Incident 7 (closed)', is_archived: true, privacy: 'public', owner: { id: '3' } });
    expect(emulator().rooms.find((room) => room.id === created.id))
      .toMatchObject({ name: 'Incident 7 (closed)', topic: 'Payments are slow', is_archived: true, privacy: 'public', owner: 3 });

    await client.rooms.delete(created.id);
    expect(emulator().rooms.find((room) => room.id === created.id)).toBeUndefined();
  });

  it('rooms.participants and rooms.members iterate the people of a room', async () => {
    const ids = async (people: AsyncIterable<{ id: number }>) => {
      const found: number[] = [];
      for await (const person of people) found.push(person.id);
      return found;
    };
    expect(await ids(client.rooms.participants('Engineering', { includeOffline: true, maxResults: 1 }))).toEqual([1, 2]);
    expect(await ids(client.rooms.members(1, { maxResults: 2 }))).toEqual(emulator().users.map((user) => user.id));
  });
});

describe('room webhooks', () => {
  it('are created, listed, read and deleted, and the emulator delivers to them meanwhile', async () => {
    const url = `${fixture.stack.served.url}/hooks/deploys`;
    const created = await client.rooms.webhooks.create(1, { url, event: 'room_message', pattern: '^/deploy', name: 'Deploys' });
    // A string in the REST API, as the client's types and the OpenAPI document have it; a number in envelopes.
    expect(created).toEqual({ id: expect.any(String), links: { self: `${emulator().apiUrl}/room/1/webhook/${created.id}` } });
    const listed = [];
    for await (const webhook of client.rooms.webhooks.list(1, { maxResults: 1 })) listed.push(webhook);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, url, event: 'room_message', pattern: '^/deploy', authentication: 'none' })]);
    expect(await client.rooms.webhooks.get(1, created.id)).toEqual(listed[0]);

    await emulator().postMessage({ room: 1, message: '/deploy now' });
    expect(emulator().log.webhooksSent.at(-1)).toMatchObject({ url, event: 'room_message', webhookId: Number(created.id) });

    await client.rooms.webhooks.delete(1, created.id);
    const sent = emulator().log.webhooksSent.length;
    await emulator().postMessage({ room: 1, message: '/deploy again' });
    expect(emulator().log.webhooksSent).toHaveLength(sent);
    expect((await client.rooms.webhooks.list(1).page()).items).toEqual([]);
  });
});

describe('the group\'s directory', () => {
  it('users.list iterates every user across pages; users.get finds one by email', async () => {
    const names: string[] = [];
    for await (const user of client.users.list({ maxResults: 2 })) names.push(user.mention_name);
    expect(names).toEqual(emulator().users.map((user) => user.mention_name));
    expect(await client.users.get('grace@example.com')).toMatchObject({ id: 2, name: 'Grace Hopper', mention_name: 'Grace', email: 'grace@example.com' });
  });

  it('emoticons.list iterates the catalogue, by type; emoticons.get finds one by shortcut', async () => {
    const shortcuts: string[] = [];
    for await (const emoticon of client.emoticons.list({ maxResults: 3 })) shortcuts.push(emoticon.shortcut);
    expect(shortcuts).toEqual(['allthethings', 'shipit', 'yey', 'lovelace']);
    expect((await client.emoticons.list({ type: 'group' }).page()).items.map((emoticon) => emoticon.shortcut)).toEqual(['lovelace']);
    expect(await client.emoticons.get('shipit')).toMatchObject({ id: 2, shortcut: 'shipit' });
  });
});

describe('glance pushes', () => {
  const content = (value: string) => ({ label: { type: 'html', value } as const });

  it('replace what the emulator shows for a room, a user and the whole group', async () => {
    await client.glances.push({ room: 'Lobby' }, [{ key: 'forecast', content: content('<b>22°</b>') }]);
    await client.glances.push({ user: '@Ada' }, [{ key: 'forecast', content: content('<b>23°</b>') }]);
    await client.glances.push('group', [{ key: 'forecast', content: { ...content('<b>24°</b>'), status: { type: 'lozenge', value: { label: 'Hot', type: 'error' } } } }]);

    const pushed = emulator().glances().filter((glance) => glance.oauthId === installation.oauthId);
    expect(pushed.map(({ key, scope, content: shown }) => ({ key, scope, label: (shown.label as { value: string }).value }))).toEqual([
      { key: 'forecast', scope: { room: 1 }, label: '<b>22°</b>' },
      { key: 'forecast', scope: { user: 1 }, label: '<b>23°</b>' },
      { key: 'forecast', scope: { group: true }, label: '<b>24°</b>' },
    ]);
  });
});

describe('request', () => {
  it('makes a call by its route, with the installation\'s token', async () => {
    const latest = await client.request<Collection<Message>>('GET /room/{room}/history/latest', { path: { room: 'Lobby' }, query: { 'max-results': 1 } });
    expect(latest.items.map((message) => message.id)).toEqual([lastIn(1)!.id]);
  });
});

describe('authTest and refusals', () => {
  it('authTest is true for a call the token may make, and nothing happens', async () => {
    const before = emulator().history(1).length;
    expect(await client.authTest('POST /room/{room}/notification', { path: { room: 1 } })).toBe(true);
    expect(emulator().history(1)).toHaveLength(before);
  });

  it('an unknown room is HIPCHAT_API_ERROR with the host\'s 404', async () => {
    const failure = await failureOf(client.rooms.get('Nowhere'));
    expect(failure).toMatchObject({ code: 'HIPCHAT_API_ERROR', details: { status: 404, error: { code: 404, type: 'Not Found' } } });
  });

  it('a field the host refuses is HIPCHAT_API_ERROR naming the field', async () => {
    const failure = await failureOf(client.rooms.create({ name: 'Lobby' }));
    expect(failure).toMatchObject({ code: 'HIPCHAT_API_ERROR', details: { status: 409, error: { code: 409 } } });
    const invalid = await failureOf(client.rooms.webhooks.create(1, { url: `${fixture.stack.served.url}/hooks/enter`, event: 'room_enter', pattern: '^x' }));
    expect(invalid).toMatchObject({ code: 'HIPCHAT_API_ERROR', details: { status: 400, error: { field: 'pattern' } } });
  });
});
