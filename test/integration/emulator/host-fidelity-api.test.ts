import { call, errorBody } from './api-client';
import { addonToken, withFidelityFixture } from './fidelity-fixture';

/** Where HipChat's REST API differed from the emulator's for an add-on written with ACE-HipChat (issue 13, divergences 1, 3, 7, 8). */

const fixture = withFidelityFixture();

describe('1. view_room reads a room', () => {
  it('lets a room notification token (send_notification + view_room) read its room, participants and members', async () => {
    const { token } = fixture.emulator.createRoomToken(1);
    const room = await call(fixture.emulator, 'GET', '/room/1', { token });
    expect(room).toMatchObject({ status: 200, body: { id: 1, name: 'Lobby' } });
    expect((await call(fixture.emulator, 'GET', '/room/1/participant', { token })).status).toBe(200);
    expect((await call(fixture.emulator, 'GET', '/room/1/member', { token })).status).toBe(200);
  });

  it('takes view_group for the same calls, and refuses a token with neither', async () => {
    const group = fixture.emulator.createPersonalToken(1, ['view_group']).token;
    expect((await call(fixture.emulator, 'GET', '/room/1/participant', { token: group })).status).toBe(200);
    const neither = fixture.emulator.createPersonalToken(1, ['send_notification']).token;
    expect(await call(fixture.emulator, 'GET', '/room/1', { token: neither })).toMatchObject({ status: 401, body: errorBody(401) });
  });
});

describe('3. room ids', () => {
  it('never gives a deleted room\'s id to a new room', async () => {
    const token = fixture.emulator.createPersonalToken(1, ['manage_rooms']).token;
    const first = await call(fixture.emulator, 'POST', '/room', { token, body: { name: 'Stand-up' } });
    expect((await call(fixture.emulator, 'DELETE', `/room/${first.body.id}`, { token })).status).toBe(204);
    const second = await call(fixture.emulator, 'POST', '/room', { token, body: { name: 'Retro' } });
    expect(second.status).toBe(201);
    expect(second.body.id).toBeGreaterThan(first.body.id);
  });
});

describe('7. installing and uninstalling through the REST API', () => {
  it('POST /addon installs into the group (201, Location) and DELETE /addon/{key}/installable/{id} uninstalls (204)', async () => {
    const token = fixture.emulator.createPersonalToken('@Ada', ['admin_group']).token;
    const installed = await call(fixture.emulator, 'POST', '/addon', { token, body: { url: fixture.addon.descriptorUrl } });
    expect(installed.status).toBe(201);
    const location = installed.headers.get('location') ?? '';
    const [, key, oauthId] = /\/addon\/([^/]+)\/installable\/([^/]+)$/.exec(location) ?? [];
    expect(key).toBe('com.example.fake');
    expect(fixture.addon.installs).toEqual([expect.objectContaining({ body: expect.objectContaining({ oauthId }) })]);
    expect(fixture.addon.installs[0]?.body).not.toHaveProperty('roomId');

    expect((await call(fixture.emulator, 'DELETE', `/addon/${key}/installable/${oauthId}`, { token })).status).toBe(204);
    await fixture.emulator.settled();
    expect(fixture.addon.uninstalls).toEqual([{ oauthId, tokenStatus: 401 }]);
    expect((await call(fixture.emulator, 'DELETE', `/addon/${key}/installable/${oauthId}`, { token })).status).toBe(404);
  });

  it('needs admin_group, a group admin, and a token for the whole group', async () => {
    const body = { url: fixture.addon.descriptorUrl };
    const withoutScope = fixture.emulator.createPersonalToken('@Ada', ['view_group']).token;
    expect((await call(fixture.emulator, 'POST', '/addon', { token: withoutScope, body })).status).toBe(401);
    const notAdmin = fixture.emulator.createPersonalToken('@Grace', ['admin_group']).token;
    expect((await call(fixture.emulator, 'POST', '/addon', { token: notAdmin, body })).status).toBe(403);
    const { oauthId } = await fixture.emulator.install({ descriptorUrl: fixture.addon.descriptorUrl, roomId: 2 });
    const roomToken = await addonToken(fixture.emulator, fixture.addon.installs[0]!.body, 'send_notification');
    expect((await call(fixture.emulator, 'DELETE', `/addon/com.example.fake/installable/${oauthId}`, { token: roomToken })).status).toBe(401);
    expect(await call(fixture.emulator, 'DELETE', `/addon/com.example.other/installable/${oauthId}`, { token: fixture.emulator.createPersonalToken('@Ada', ['admin_group']).token }))
      .toMatchObject({ status: 404, body: errorBody(404) });
    expect(fixture.emulator.log.apiRefusals.map(({ code }) => code)).toEqual(['SCOPE_MISSING', 'ACCESS_FORBIDDEN', 'SCOPE_MISSING', 'RESOURCE_NOT_FOUND']);
  });
});

describe('8. room owners are strings, as the OpenAPI document types them', () => {
  it('refuses a number for owner_user_id (POST /room) and owner.id (PUT /room/{id}), and takes the same id as a string', async () => {
    const token = fixture.emulator.createPersonalToken(1, ['manage_rooms', 'admin_room']).token;
    expect(await call(fixture.emulator, 'POST', '/room', { token, body: { name: 'Numbers', owner_user_id: 2 } })).toMatchObject({ status: 400, body: errorBody(400, 'owner_user_id') });
    expect(await call(fixture.emulator, 'PUT', '/room/1', { token, body: { owner: { id: 2 } } })).toMatchObject({ status: 400, body: errorBody(400, 'owner.id') });
    expect(fixture.emulator.takeViolations().map((violation) => violation.where)).toEqual(['request', 'request']);

    const created = await call(fixture.emulator, 'POST', '/room', { token, body: { name: 'Strings', owner_user_id: '2' } });
    expect(created.status).toBe(201);
    expect((await call(fixture.emulator, 'PUT', '/room/1', { token, body: { owner: { id: '@Grace' } } })).status).toBe(204);
    expect(fixture.emulator.rooms.find((room) => room.name === 'Strings')?.owner).toBe(2);
    expect(fixture.emulator.rooms.find((room) => room.id === 1)?.owner).toBe(2);
  });
});

