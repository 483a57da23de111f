import type { CheckedEmulator } from '../../support/checked-emulator';
import { ALL_SCOPES, call, errorBody } from './api-client';
import { withApiFixture } from './api-fixture';
import type { FakeAddon } from './fake-addon';

let emulator: CheckedEmulator;
let addon: FakeAddon;
let token: string;
withApiFixture((fixture) => ({ emulator, addon, token } = fixture));

/** The fake add-on, installed for the whole group, listening to every room event. */
async function listenToRoomEvents(): Promise<void> {
  for (const event of ['room_created', 'room_deleted', 'room_topic_change', 'room_archived', 'room_unarchived']) {
    addon.descriptor.capabilities.webhook.push({ url: `${addon.url}/webhook/${event}`, event, authentication: 'jwt' });
  }
  await emulator.install({ descriptorUrl: addon.descriptorUrl });
}

const heard = () => addon.webhooks.map((received) => [received.body.event, received.body.item.room.id]);

describe('GET /room', () => {
  it('lists public rooms, and private ones on request for their members, in pages', async () => {
    expect((await call(emulator, 'GET', '/room', { token })).body).toMatchObject({ items: [{ id: 1, name: 'Lobby' }], startIndex: 0, maxResults: 100 });
    const all = await call(emulator, 'GET', '/room', { token, query: { 'include-private': 'true', 'max-results': '1' } });
    expect(all.body).toMatchObject({ items: [{ id: 1 }], links: { next: expect.stringContaining('start-index=1') } });
    expect(all.body.links.next).toContain('include-private=true');
    const next = new URL(all.body.links.next);
    expect((await call(emulator, 'GET', `/room${next.search}`, { token })).body.items).toEqual([expect.objectContaining({ id: 2, privacy: 'private' })]);
    const alan = emulator.createPersonalToken(3, ALL_SCOPES).token;
    expect((await call(emulator, 'GET', '/room', { token: alan, query: { 'include-private': 'true' } })).body.items.map((room: { id: number }) => room.id)).toEqual([1]);
  });

  it('refuses without view_group', async () => {
    expect((await call(emulator, 'GET', '/room', { token: emulator.createRoomToken(1).token })).status).toBe(401);
  });
});

describe('GET /room/{id_or_name}', () => {
  it('answers the room\'s details by id or by name', async () => {
    const answer = await call(emulator, 'GET', '/room/Engineering', { token });
    expect(answer.body).toMatchObject({
      id: 2, name: 'Engineering', privacy: 'private', topic: 'Ship it', is_archived: false, guest_access_url: null,
      owner: { id: 2, mention_name: 'Grace' }, participants: [{ id: 1 }, { id: 2 }], statistics: { messages_sent: 0 },
      links: { self: `${emulator.apiUrl}/room/2` },
    });
  });
});

describe('POST /room', () => {
  it('creates a room (201 {id, links}), owned by the caller, and fires room_created', async () => {
    await listenToRoomEvents();
    const created = await call(emulator, 'POST', '/room', { token, body: { name: 'Ops', topic: 'Pager', privacy: 'private' } });
    expect(created).toMatchObject({ status: 201, body: { id: 3, links: { self: `${emulator.apiUrl}/room/3` } } });
    expect(emulator.rooms.at(-1)).toMatchObject({ id: 3, name: 'Ops', topic: 'Pager', privacy: 'private', owner: 1, participants: [1] });
    await emulator.settled();
    expect(heard()).toEqual([['room_created', 3]]);
  });

  it('takes an owner by id, email or @mention, and refuses a name that is taken or too long', async () => {
    await call(emulator, 'POST', '/room', { token, body: { name: 'Ops', owner_user_id: '@Alan' } });
    expect(emulator.rooms.at(-1)?.owner).toBe(3);
    expect(await call(emulator, 'POST', '/room', { token, body: { name: 'ops' } })).toMatchObject({ status: 409, body: errorBody(409, 'name') });
    expect(await call(emulator, 'POST', '/room', { token, body: { name: 'x'.repeat(51) } })).toMatchObject({ status: 400, body: errorBody(400, 'name') });
    expect(await call(emulator, 'POST', '/room', { token, body: { name: 'Fine', owner_user_id: 'nobody@example.com' } })).toMatchObject({ body: errorBody(400, 'owner_user_id') });
    emulator.takeViolations();
  });

  it('refuses without manage_rooms', async () => {
    expect((await call(emulator, 'POST', '/room', { token: emulator.createPersonalToken(1, ['admin_room']).token, body: { name: 'Ops' } })).status).toBe(401);
  });
});

describe('PUT /room/{id} and /room/{id}/topic', () => {
  it('changes the room, firing room_topic_change and room_archived', async () => {
    await listenToRoomEvents();
    const before = emulator.rooms[0]!.version;
    expect((await call(emulator, 'PUT', '/room/1', { token, body: { name: 'Hall', topic: 'Hi', is_archived: true, owner: { id: '2' } } })).status).toBe(204);
    expect(emulator.rooms[0]).toMatchObject({ name: 'Hall', topic: 'Hi', is_archived: true, owner: 2 });
    expect(emulator.rooms[0]!.version).not.toBe(before);
    await emulator.settled();
    expect(heard().sort()).toEqual([['room_archived', 1], ['room_topic_change', 1]]);
    expect(addon.webhooks.find((received) => received.body.event === 'room_topic_change')?.body.item).toMatchObject({ topic: 'Hi', sender: { id: 1 } });
  });

  it('keeps the fields a change leaves out', async () => {
    expect((await call(emulator, 'PUT', '/room/2', { token, body: { is_archived: true } })).status).toBe(204);
    expect(emulator.rooms[1]).toMatchObject({ name: 'Engineering', topic: 'Ship it', privacy: 'private', is_archived: true, owner: 2 });
    expect((await call(emulator, 'GET', '/room/2', { token })).body).toMatchObject({ name: 'Engineering', topic: 'Ship it' });
  });

  it('sets the topic alone, and fires nothing when it does not change', async () => {
    await listenToRoomEvents();
    expect((await call(emulator, 'PUT', '/room/1/topic', { token, body: { topic: 'New topic' } })).status).toBe(204);
    await call(emulator, 'PUT', '/room/1/topic', { token, body: { topic: 'New topic' } });
    await emulator.settled();
    expect(heard()).toEqual([['room_topic_change', 1]]);
    expect(await call(emulator, 'PUT', '/room/1/topic', { token, body: { topic: 'x'.repeat(251) } })).toMatchObject({ status: 400, body: errorBody(400, 'topic') });
    emulator.takeViolations();
  });

  it('refuses both without admin_room', async () => {
    const viewer = emulator.createPersonalToken(1, ['view_group', 'view_room']).token;
    expect((await call(emulator, 'PUT', '/room/1', { token: viewer, body: { topic: 'x' } })).status).toBe(401);
    expect((await call(emulator, 'PUT', '/room/1/topic', { token: viewer, body: { topic: 'x' } })).status).toBe(401);
  });
});

describe('DELETE /room/{id}', () => {
  it('fires room_deleted, then removes the room, its history, tokens and installations', async () => {
    await listenToRoomEvents();
    const roomInstall = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 2 });
    const roomToken = emulator.createRoomToken(2).token;
    await emulator.postMessage({ room: 2, message: 'bye' });
    addon.webhooks.length = 0;
    expect((await call(emulator, 'DELETE', '/room/2', { token })).status).toBe(204);
    expect(emulator.rooms.map((room) => room.id)).toEqual([1]);
    await emulator.settled();
    expect(heard()).toEqual([['room_deleted', 2], ['room_deleted', 2]]);
    expect(emulator.log.uninstalls).toEqual([expect.objectContaining({ oauthId: roomInstall.oauthId })]);
    expect(emulator.lookupToken(roomToken)).toBeUndefined();
    expect((await call(emulator, 'GET', '/room/2', { token })).status).toBe(404);
  });

  it('refuses without manage_rooms', async () => {
    expect((await call(emulator, 'DELETE', '/room/1', { token: emulator.createPersonalToken(1, ['admin_room']).token })).status).toBe(401);
  });
});

describe('participants and members', () => {
  it('lists who is in the room, and who may enter it', async () => {
    const participants = await call(emulator, 'GET', '/room/2/participant', { token });
    expect(participants.body).toMatchObject({ items: [{ id: 1, mention_name: 'Ada' }, { id: 2 }], startIndex: 0, maxResults: 100 });
    expect((await call(emulator, 'GET', '/room/2/member', { token })).body.items.map((user: { id: number }) => user.id)).toEqual([1, 2]);
    expect((await call(emulator, 'GET', '/room/1/member', { token, query: { 'max-results': '2' } })).body).toMatchObject({ items: [{ id: 1 }, { id: 2 }], links: { next: expect.any(String) } });
  });

  it('takes include-offline, which changes nothing (everyone is online), and checks it', async () => {
    const all = await call(emulator, 'GET', '/room/2/participant', { token, query: { 'include-offline': 'true' } });
    expect(all.body.items.map((user: { id: number }) => user.id)).toEqual([1, 2]);
    expect(await call(emulator, 'GET', '/room/2/participant', { token, query: { 'include-offline': 'yes' } })).toMatchObject({ status: 400, body: errorBody(400, 'include-offline') });
    expect(emulator.takeViolations().map((violation) => violation.problem)).toEqual([expect.stringMatching(/include-offline must be boolean/)]);
  });

  it('lets a room token read its own room\'s participants, and refuses without view_room or view_group', async () => {
    expect((await call(emulator, 'GET', '/room/1/participant', { token: emulator.createRoomToken(1).token })).status).toBe(200);
    const noView = emulator.createPersonalToken(1, ['send_notification', 'view_messages']).token;
    expect((await call(emulator, 'GET', '/room/1/participant', { token: noView })).status).toBe(401);
    expect((await call(emulator, 'GET', '/room/1/member', { token: noView })).status).toBe(401);
  });
});
