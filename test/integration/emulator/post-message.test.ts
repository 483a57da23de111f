import jwt from 'jsonwebtoken';
import { createAddon, MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import type { HostInstallation } from 'hipchat-connect/emulator';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { serveAddon, type Served } from '../../support/serve';
import { ALL_SCOPES, call, errorBody } from './api-client';
import { startFakeAddon, type FakeAddon } from './fake-addon';
import { postToken } from './token-client';

let emulator: CheckedEmulator;
let fake: FakeAddon;
beforeEach(async () => {
  emulator = await startCheckedEmulator();
  fake = await startFakeAddon();
});
afterEach(async () => {
  emulator.assertContract();
  await emulator.close();
  await fake.close();
});

describe('postMessage', () => {
  let weather: Addon;
  let served: Served;
  beforeEach(async () => {
    weather = createAddon({
      key: 'com.example.weather', name: 'Weather', description: 'Answers /weather <city>', scopes: ['send_notification'],
      store: new MemoryStore(), development: true, logger: silentLogger,
    });
    weather.webhook('room_message', { key: 'weather', pattern: /^\/weather\s+(?<city>.+)$/i }, (ctx) => ({ message: `Sunny in ${ctx.match?.groups?.city}`, color: 'green', message_format: 'text' }));
    served = await serveAddon(weather);
  });
  afterEach(async () => {
    await served.close();
    await weather.close();
  });

  it('reaches the slash command of a real add-on, whose reply lands in the room\'s history', async () => {
    await emulator.install({ descriptorUrl: `${served.url}/atlassian-connect.json`, roomId: 1 });
    const conversation = await emulator.postMessage({ room: 'Lobby', user: '@Grace', message: '/weather Lisbon' });
    expect(conversation.deliveries).toEqual([expect.objectContaining({ status: 200, body: { message: 'Sunny in Lisbon', color: 'green', message_format: 'text' } })]);
    expect(emulator.history(1)).toEqual([
      expect.objectContaining({ id: conversation.message.id, type: 'message', message: '/weather Lisbon', from: expect.objectContaining({ id: 2, mention_name: 'Grace' }) }),
      expect.objectContaining({ type: 'notification', message: 'Sunny in Lisbon', color: 'green', from: 'Weather' }),
    ]);
    expect(conversation.replies).toEqual([emulator.history(1)[1]]);
    expect(emulator.log.webhooksSent.at(-1)).toMatchObject({ event: 'room_message', roomId: 1, status: 200 });
  });

  it('reaches no one when nothing matches, and still records the message', async () => {
    await emulator.install({ descriptorUrl: `${served.url}/atlassian-connect.json`, roomId: 1 });
    const conversation = await emulator.postMessage({ room: 1, message: 'good morning' });
    expect(conversation).toMatchObject({ deliveries: [], replies: [] });
    expect(emulator.history(1)).toHaveLength(1);
  });

  it('refuses an unknown room, user or an empty message', async () => {
    await expect(emulator.postMessage({ room: 'Nowhere', message: 'hi' })).rejects.toMatchObject({ code: 'PAYLOAD_INVALID' });
    await expect(emulator.postMessage({ room: 1, user: 42, message: 'hi' })).rejects.toMatchObject({ details: { field: 'user' } });
    await expect(emulator.postMessage({ room: 1, message: '' })).rejects.toMatchObject({ details: { field: 'message' } });
  });
});

describe('who hears a room', () => {
  it('is every room installation in it and every global installation', async () => {
    const inRoom = await emulator.install({ descriptorUrl: fake.descriptorUrl, roomId: 2 });
    const global = await emulator.install({ descriptorUrl: fake.descriptorUrl });
    await emulator.postMessage({ room: 2, message: '/weather here' });
    expect(fake.webhooks.map((call) => call.body.oauth_client_id).sort()).toEqual([inRoom.oauthId, global.oauthId].sort());
    fake.webhooks.length = 0;
    await emulator.postMessage({ room: 1, message: '/weather there' });
    expect(fake.webhooks.map((call) => call.body.oauth_client_id)).toEqual([global.oauthId]);
  });

  it('keeps going when one add-on cannot be reached', async () => {
    const gone = await startFakeAddon();
    await emulator.install({ descriptorUrl: gone.descriptorUrl });
    await emulator.install({ descriptorUrl: fake.descriptorUrl });
    await gone.close();
    const { deliveries } = await emulator.postMessage({ room: 1, message: '/weather' });
    expect(deliveries.map((delivery) => delivery.status).sort()).toEqual([0, 204]);
    expect(deliveries.find((delivery) => delivery.status === 0)?.error).toMatchObject({ code: 'HOST_UNREACHABLE' });
    expect(emulator.log.webhooksSent.filter((sent) => sent.status === 0)).toEqual([expect.objectContaining({ error: 'HOST_UNREACHABLE' })]);
  });

  it('is also reachable over HTTP, as the web UI posts', async () => {
    await emulator.install({ descriptorUrl: fake.descriptorUrl });
    fake.webhookAnswer = { status: 200, body: { message: 'pong' } };
    const answer = await fetch(`${emulator.url}/emulator/rooms/1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":"/weather","user":3}' });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ message: { message: '/weather', from: { id: 3 } }, deliveries: [{ status: 200 }], replies: [{ message: 'pong', from: 'Fake' }] });
  });
});

describe('room webhooks registered through the API', () => {
  let installation: HostInstallation;
  let token: string;
  beforeEach(async () => {
    fake.descriptor.capabilities.hipchatApiConsumer.scopes = ['admin_room', 'view_room'];
    installation = await emulator.install({ descriptorUrl: fake.descriptorUrl, roomId: 1 });
    token = (await postToken(emulator, installation, { grant_type: 'client_credentials' })).body.access_token;
  });
  const register = (body: Record<string, unknown>, as = token) => call(emulator, 'POST', '/room/1/webhook', { token: as, body: { event: 'room_message', ...body } });

  it('hears messages, unsigned by default, and its reply is posted from the add-on', async () => {
    const created = await register({ url: `${fake.url}/webhook/registered`, pattern: '^/deploy', name: 'Deploys' });
    expect(created).toMatchObject({ status: 201, body: { id: expect.any(String), links: { self: `${emulator.apiUrl}/room/1/webhook/${created.body.id}` } } });
    fake.webhookAnswer = { status: 200, body: { message: 'Deploying', color: 'purple' } };
    const conversation = await emulator.postMessage({ room: 1, message: '/deploy now' });
    const call = fake.webhooks.find((received) => received.path === '/webhook/registered');
    expect(call).toMatchObject({ authorization: undefined, body: { event: 'room_message', webhook_id: Number(created.body.id), oauth_client_id: installation.oauthId } });
    expect(conversation.replies).toEqual([expect.objectContaining({ message: 'Deploying', from: 'Fake', color: 'purple' })]);
  });

  it('hears no message the add-on itself sent with its token: a room_message comes from a user', async () => {
    fake.descriptor.capabilities.hipchatApiConsumer.scopes = ['admin_room', 'send_message'];
    const sender = await emulator.install({ descriptorUrl: fake.descriptorUrl, roomId: 1 });
    const sending = (await postToken(emulator, sender, { grant_type: 'client_credentials' })).body.access_token;
    await register({ url: `${fake.url}/webhook/all` });
    const sent = await call(emulator, 'POST', '/room/1/message', { token: sending, body: { message: '/deploy now' } });
    await emulator.settled();
    expect(sent.status).toBe(201);
    expect(emulator.history(1).at(-1)).toMatchObject({ type: 'message', message: '/deploy now', from: 'Fake' });
    expect(fake.webhooks.filter((received) => received.body.event === 'room_message')).toEqual([]);
  });

  it('is signed with the installation\'s secret when it asks for jwt', async () => {
    await register({ url: `${fake.url}/webhook/signed`, authentication: 'jwt' });
    await emulator.postMessage({ room: 1, message: 'anything' });
    const call = fake.webhooks.find((received) => received.path === '/webhook/signed');
    const claims = jwt.verify(call!.authorization!.replace(/^JWT /, ''), installation.oauthSecret, { algorithms: ['HS256'] });
    expect(claims).toMatchObject({ iss: installation.oauthId, context: { room_id: 1 } });
  });

  it('is listed, read and deleted by its owner only', async () => {
    const { body } = await register({ url: `${fake.url}/webhook/a`, name: 'A' });
    const listed = await call(emulator, 'GET', '/room/1/webhook', { token });
    expect(listed.body).toMatchObject({ items: [{ id: body.id, name: 'A', event: 'room_message', authentication: 'none', url: `${fake.url}/webhook/a` }], startIndex: 0, maxResults: 100 });
    expect((await call(emulator, 'GET', `/room/1/webhook/${body.id}`, { token })).body).toMatchObject({ id: body.id, links: { self: expect.any(String) } });
    const stranger = emulator.createPersonalToken(1, ALL_SCOPES).token;
    expect((await call(emulator, 'GET', '/room/1/webhook', { token: stranger })).body.items).toEqual([]);
    expect((await call(emulator, 'GET', `/room/1/webhook/${body.id}`, { token: stranger })).status).toBe(404);
    expect((await call(emulator, 'DELETE', `/room/1/webhook/${body.id}`, { token })).status).toBe(204);
    expect((await call(emulator, 'GET', `/room/1/webhook/${body.id}`, { token })).status).toBe(404);
  });

  it('is gone after the add-on is uninstalled', async () => {
    await register({ url: `${fake.url}/webhook/registered` });
    await emulator.uninstall(installation.oauthId);
    await emulator.postMessage({ room: 1, message: 'hello?' });
    expect(fake.webhooks).toEqual([]);
  });

  it('refuses a URL off loopback, a pattern on a non-message event, jwt for a personal token, and an unknown event', async () => {
    expect(await register({ url: 'https://example.com/hook' })).toMatchObject({ status: 400, body: errorBody(400, 'url') });
    expect(await register({ url: `${fake.url}/x`, event: 'room_enter', pattern: 'x' })).toMatchObject({ body: errorBody(400, 'pattern') });
    expect(await register({ url: `${fake.url}/x`, pattern: '(' })).toMatchObject({ body: errorBody(400, 'pattern') });
    const personal = emulator.createPersonalToken(1, ALL_SCOPES).token;
    expect(await register({ url: `${fake.url}/x`, authentication: 'jwt' }, personal)).toMatchObject({ body: errorBody(400, 'authentication') });
    expect(await register({ url: `${fake.url}/x`, event: 'room_dance' })).toMatchObject({ body: errorBody(400, 'event') });
    emulator.takeViolations();
  });

  it('refuses without admin_room, and outside the room installation\'s room', async () => {
    const viewer = emulator.createPersonalToken(1, ['view_room']).token;
    expect((await register({ url: `${fake.url}/x` }, viewer)).status).toBe(401);
    expect((await call(emulator, 'GET', '/room/2/webhook', { token })).status).toBe(403);
  });

  it('delivers from a personal token unsigned, its reply posted from the user', async () => {
    const personal = emulator.createPersonalToken(2, ALL_SCOPES).token;
    await register({ url: `${fake.url}/webhook/mine` }, personal);
    fake.webhookAnswer = { status: 200, body: { message: 'noted' } };
    const { replies } = await emulator.postMessage({ room: 1, message: 'note this' });
    expect(fake.webhooks.find((received) => received.path === '/webhook/mine')?.body.oauth_client_id).toBeUndefined();
    expect(replies).toContainEqual(expect.objectContaining({ message: 'noted', from: 'Grace Hopper' }));
  });
});
