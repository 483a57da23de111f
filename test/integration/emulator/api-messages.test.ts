import type { CheckedEmulator } from '../../support/checked-emulator';
import { call, errorBody } from './api-client';
import { withApiFixture } from './api-fixture';
import type { FakeAddon } from './fake-addon';

let emulator: CheckedEmulator;
let addon: FakeAddon;
let token: string;
withApiFixture((fixture) => ({ emulator, addon, token } = fixture));

const card = {
  style: 'application', id: 'build-42', title: 'Build #42', format: 'medium', url: 'https://ci.example.com/42',
  description: { value: '<b>green</b>', format: 'html' },
  attributes: [{ label: 'Branch', value: { label: 'main', style: 'lozenge-success' } }],
};

describe('POST /room/{id}/notification', () => {
  it.each([
    ['text', { message: 'Deployed @Grace', message_format: 'text', color: 'green', notify: true }],
    ['html', { message: '<b>Deployed</b>' }],
    ['card', { message: 'Build #42 passed', card }],
  ])('posts a %s notification to the room\'s history (204)', async (_kind, body: Record<string, unknown>) => {
    expect((await call(emulator, 'POST', '/room/Lobby/notification', { token, body })).status).toBe(204);
    expect(emulator.history(1).at(-1)).toEqual({
      id: expect.any(String), date: expect.stringMatching(/\+00:00$/), type: 'notification', from: 'Ada Lovelace',
      color: 'yellow', notify: false, message_format: 'html', mentions: [], ...body,
      ...(body.message_format === 'text' ? { mentions: [expect.objectContaining({ mention_name: 'Grace' })] } : {}),
    });
  });

  it('takes the from label and resolves a random color', async () => {
    await call(emulator, 'POST', '/room/1/notification', { token, body: { message: 'hi', from: 'Jenkins', color: 'random' } });
    expect(emulator.history(1).at(-1)).toMatchObject({ from: 'Jenkins', color: expect.stringMatching(/^(yellow|green|red|purple|gray)$/) });
  });

  it('refuses an invalid card, naming the path inside it', async () => {
    const broken = { ...card, attributes: [{ label: 'Branch', value: { url: 'https://x.example' } }] };
    const answer = await call(emulator, 'POST', '/room/1/notification', { token, body: { message: 'Build', card: broken } });
    expect(answer).toMatchObject({ status: 400, body: errorBody(400, 'card/attributes/0/value') });
    expect(answer.body.error.validation).toMatch(/label/);
    expect(emulator.history(1)).toEqual([]);
  });

  it('refuses a message over 10000 characters, naming it', async () => {
    const answer = await call(emulator, 'POST', '/room/1/notification', { token, body: { message: 'x'.repeat(10_001) } });
    expect(answer).toMatchObject({ status: 400, body: errorBody(400, 'message') });
    expect(emulator.takeViolations()).toEqual([expect.objectContaining({ where: 'request' })]);
  });

  it('fires room_notification webhooks, in the background', async () => {
    addon.descriptor.capabilities.webhook.push({ url: `${addon.url}/webhook/notes`, event: 'room_notification', authentication: 'jwt' });
    await emulator.install({ descriptorUrl: addon.descriptorUrl });
    await call(emulator, 'POST', '/room/1/notification', { token, body: { message: 'Deployed', color: 'green' } });
    await emulator.settled();
    expect(addon.webhooks[0]?.body).toMatchObject({
      event: 'room_notification', item: { message: { message: 'Deployed', from: 'Ada Lovelace', color: 'green', type: 'notification' }, room: { id: 1 } },
    });
  });

  it('refuses without send_notification', async () => {
    const viewer = emulator.createPersonalToken(1, ['view_room']).token;
    expect((await call(emulator, 'POST', '/room/1/notification', { token: viewer, body: { message: 'hi' } })).status).toBe(401);
  });
});

describe('messages, replies and links', () => {
  it('sends a message as the token\'s user and answers 201 {id, timestamp}', async () => {
    const answer = await call(emulator, 'POST', '/room/1/message', { token, body: { message: 'Hello @Alan' } });
    expect(answer).toMatchObject({ status: 201, body: { id: expect.any(String), timestamp: expect.any(String) } });
    expect(emulator.history(1).at(-1)).toMatchObject({
      id: answer.body.id, date: answer.body.timestamp, type: 'message', message_format: 'text',
      from: { id: 1, name: 'Ada Lovelace' }, mentions: [{ id: 3, mention_name: 'Alan' }],
    });
  });

  it('sends a message from the integration\'s name for a token without a user', async () => {
    addon.descriptor.capabilities.hipchatApiConsumer = { scopes: ['send_message'], fromName: 'Fakebot' };
    const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 });
    const tokenResponse = await fetch(`${emulator.apiUrl}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${installation.oauthId}:${installation.oauthSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const addonToken = ((await tokenResponse.json()) as { access_token: string }).access_token;
    expect((await call(emulator, 'POST', '/room/1/message', { token: addonToken, body: { message: 'beep' } })).status).toBe(201);
    expect(emulator.history(1).at(-1)).toMatchObject({ from: 'Fakebot', message: 'beep' });
  });

  it('replies to a message of the room, and refuses an unknown parent', async () => {
    const { body } = await call(emulator, 'POST', '/room/1/message', { token, body: { message: 'Question?' } });
    expect((await call(emulator, 'POST', '/room/1/reply', { token, body: { parentMessageId: body.id, message: 'Answer.' } })).status).toBe(204);
    expect(emulator.history(1).at(-1)).toMatchObject({ message: 'Answer.', parentMessageId: body.id, type: 'message' });
    const unknown = await call(emulator, 'POST', '/room/1/reply', { token, body: { parentMessageId: 'nope', message: 'Answer.' } });
    expect(unknown).toMatchObject({ status: 400, body: errorBody(400, 'parentMessageId') });
  });

  it('shares a link', async () => {
    expect((await call(emulator, 'POST', '/room/1/share/link', { token, body: { link: 'https://example.com/a', message: 'Look' } })).status).toBe(204);
    expect(emulator.history(1).at(-1)).toMatchObject({ message: 'Look', message_links: [{ type: 'link', url: 'https://example.com/a' }] });
    const refused = await call(emulator, 'POST', '/room/1/share/link', { token, body: { link: 'not a url' } });
    expect(refused).toMatchObject({ status: 400, body: errorBody(400, 'link') });
    emulator.takeViolations();
  });

  it('sends a private message to a user by id, email or @mention', async () => {
    for (const user of ['2', 'grace@example.com', '@Grace']) {
      expect((await call(emulator, 'POST', `/user/${encodeURIComponent(user)}/message`, { token, body: { message: `to ${user}` } })).status).toBe(204);
    }
    expect(emulator.privateMessages(2).map((message) => message.message)).toEqual(['to 2', 'to grace@example.com', 'to @Grace']);
    expect((await call(emulator, 'POST', '/user/nobody@example.com/message', { token, body: { message: 'hi' } })).status).toBe(404);
    const history = await fetch(`${emulator.url}/emulator/users/2/messages`);
    expect(((await history.json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('refuses messages, replies, links and private messages without send_message', async () => {
    const notifier = emulator.createPersonalToken(1, ['send_notification']).token;
    for (const [path, body] of [['/room/1/message', { message: 'a' }], ['/room/1/reply', { parentMessageId: 'x', message: 'a' }], ['/room/1/share/link', { link: 'https://a.example' }], ['/user/2/message', { message: 'a' }]] as const) {
      expect((await call(emulator, 'POST', path, { token: notifier, body })).status).toBe(401);
    }
  });
});

describe('history', () => {
  beforeEach(async () => {
    for (let n = 1; n <= 5; n++) await call(emulator, 'POST', '/room/1/notification', { token, body: { message: `n${n}` } });
  });

  it('pages back from the newest, each page oldest first, with next links', async () => {
    const first = await call(emulator, 'GET', '/room/1/history', { token, query: { 'max-results': '2' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ startIndex: 0, maxResults: 2, links: { self: expect.any(String), next: expect.stringContaining('start-index=2') } });
    expect(first.body.items.map((item: { message: string }) => item.message)).toEqual(['n4', 'n5']);
    const next = await call(emulator, 'GET', new URL(first.body.links.next).pathname.slice(3) + new URL(first.body.links.next).search, { token });
    expect(next.body.items.map((item: { message: string }) => item.message)).toEqual(['n2', 'n3']);
    const newestFirst = await call(emulator, 'GET', '/room/1/history', { token, query: { reverse: 'false', 'start-index': '4' } });
    expect(newestFirst.body).toMatchObject({ items: [{ message: 'n1' }], links: { self: expect.any(String) } });
    expect(newestFirst.body.links.next).toBeUndefined();
  });

  it('never puts the auth_token in links', async () => {
    const answer = await call(emulator, 'GET', '/room/1/history', { token, tokenIn: 'query', query: { 'max-results': '1' } });
    expect(answer.body.links.self).not.toContain('auth_token');
    expect(answer.body.links.next).not.toContain('auth_token');
  });

  it('returns the latest messages, from not-before on', async () => {
    const latest = await call(emulator, 'GET', '/room/1/history/latest', { token, query: { 'max-results': '3' } });
    expect(latest.body.items.map((item: { message: string }) => item.message)).toEqual(['n3', 'n4', 'n5']);
    const fromSecond = await call(emulator, 'GET', '/room/1/history/latest', { token, query: { 'not-before': emulator.history(1)[3]!.id } });
    expect(fromSecond.body.items.map((item: { message: string }) => item.message)).toEqual(['n4', 'n5']);
  });

  it('checks paging parameters, naming them', async () => {
    expect(await call(emulator, 'GET', '/room/1/history', { token, query: { 'max-results': '1001' } })).toMatchObject({ status: 400, body: errorBody(400, 'max-results') });
    expect(await call(emulator, 'GET', '/room/1/history', { token, query: { 'start-index': '-1' } })).toMatchObject({ status: 400, body: errorBody(400, 'start-index') });
    expect(emulator.takeViolations().map((violation) => violation.where)).toEqual(['request', 'request']);
  });

  it('refuses without view_messages', async () => {
    const viewer = emulator.createPersonalToken(1, ['view_room', 'view_group']).token;
    expect((await call(emulator, 'GET', '/room/1/history', { token: viewer })).status).toBe(401);
    expect((await call(emulator, 'GET', '/room/1/history/latest', { token: viewer })).status).toBe(401);
  });

  it('is served to the web UI under /emulator', async () => {
    const answer = await fetch(`${emulator.url}/emulator/rooms/Lobby/history`);
    expect(((await answer.json()) as { items: Array<{ message: string }> }).items.map((item) => item.message)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });
});
