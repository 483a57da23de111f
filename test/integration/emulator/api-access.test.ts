import { startEmulator, type ApiExchange, type HostInstallation } from 'hipchat-connect/emulator';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { ALL_SCOPES, call, errorBody } from './api-client';
import { startFakeAddon, type FakeAddon } from './fake-addon';
import { postToken } from './token-client';

let now = Date.UTC(2026, 0, 1);
let emulator: CheckedEmulator;
let addon: FakeAddon;
beforeAll(async () => {
  emulator = await startCheckedEmulator({ clock: () => now, tokenTtlSeconds: 60 });
  addon = await startFakeAddon();
});
afterEach(() => {
  emulator.setLimits({ rateLimit: { limit: 500, windowSeconds: 300 }, floodControl: { limit: 30, windowSeconds: 60 } });
  emulator.assertContract();
});
afterAll(async () => {
  await emulator.close();
  await addon.close();
});

const notify = (token: string, room: number | string = 1, tokenIn: 'header' | 'query' = 'header') =>
  call(emulator, 'POST', `/room/${room}/notification`, { token, tokenIn, body: { message: 'Build passed' } });

async function roomInstallToken(roomId: number): Promise<{ installation: HostInstallation; token: string }> {
  const installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId });
  const { body } = await postToken(emulator, installation, { grant_type: 'client_credentials' });
  return { installation, token: body.access_token };
}

describe('tokens', () => {
  it('takes the token as a Bearer header or as ?auth_token=', async () => {
    const { token } = emulator.createRoomToken(1, 'Builds');
    expect((await notify(token, 1, 'header')).status).toBe(204);
    expect((await notify(token, 1, 'query')).status).toBe(204);
    expect(emulator.history(1).map((message) => message.from)).toEqual(['Builds', 'Builds']);
  });

  it('refuses a request without a token with 401 and a Bearer challenge', async () => {
    const answer = await call(emulator, 'POST', '/room/1/notification', { body: { message: 'hi' } });
    expect(answer).toMatchObject({ status: 401, body: errorBody(401) });
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(emulator.log.apiRefusals.at(-1)).toEqual({ method: 'POST', path: '/v2/room/1/notification', status: 401, code: 'TOKEN_MISSING' });
    const log = (await (await fetch(`${emulator.url}/emulator/log`)).json()) as { apiRefusals: unknown[] };
    expect(log.apiRefusals.at(-1)).toEqual(emulator.log.apiRefusals.at(-1));
  });

  it('refuses unknown, expired and revoked tokens with 401', async () => {
    expect((await notify('made-up-token')).body).toEqual(errorBody(401));
    const { token } = await roomInstallToken(1);
    now += 60_000;
    expect((await notify(token)).status).toBe(401);
    const minted = emulator.createRoomToken(1);
    expect((await fetch(`${emulator.apiUrl}/oauth/token/${minted.token}`, { method: 'DELETE' })).status).toBe(204);
    expect((await notify(minted.token)).status).toBe(401);
    expect(emulator.log.apiRefusals.slice(-3).map((refusal) => refusal.code)).toEqual(['TOKEN_INVALID', 'TOKEN_INVALID', 'TOKEN_INVALID']);
  });

  it('mints room and personal tokens over HTTP too', async () => {
    const room = await fetch(`${emulator.url}/emulator/rooms/Lobby/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"label":"CI"}' });
    expect(room.status).toBe(201);
    expect(await room.json()).toMatchObject({ kind: 'room', roomId: 1, label: 'CI', scopes: ['send_notification', 'view_room'], token: expect.any(String) });
    const personal = await fetch(`${emulator.url}/emulator/users/@Grace/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"scopes":["view_group"]}' });
    const grant = await personal.json();
    expect(grant).toMatchObject({ kind: 'personal', userId: 2, scopes: ['view_group'] });
    expect((await call(emulator, 'GET', '/user', { token: grant.token })).status).toBe(200);
    expect(emulator.log.tokensIssued.at(-1)).toEqual({ userId: 2, scopes: ['view_group'], token: grant.token });
  });

  it('refuses to mint for an unknown room or user, or with unknown scopes', () => {
    expect(() => emulator.createRoomToken('Nowhere')).toThrow(expect.objectContaining({ code: 'PAYLOAD_INVALID' }));
    expect(() => emulator.createPersonalToken(99, ['view_group'])).toThrow(expect.objectContaining({ details: { field: 'user' } }));
    expect(() => emulator.createPersonalToken(1, ['fly'])).toThrow(expect.objectContaining({ details: { field: 'scopes' } }));
  });
});

describe('scopes and rooms', () => {
  it('answers 401 when the token lacks the scope', async () => {
    const { token } = emulator.createPersonalToken(1, ['view_group']);
    expect(await notify(token)).toMatchObject({ status: 401, body: errorBody(401) });
    expect(emulator.log.apiRefusals.at(-1)?.code).toBe('SCOPE_MISSING');
  });

  it('keeps a room notification token in its room', async () => {
    const { token } = emulator.createRoomToken(2);
    expect(await notify(token, 1)).toMatchObject({ status: 403, body: errorBody(403) });
    expect((await notify(token, 'Engineering')).status).toBe(204);
  });

  it('keeps a room installation\'s token in its room', async () => {
    const { token } = await roomInstallToken(2);
    expect((await notify(token, 1)).status).toBe(403);
    expect((await notify(token, 2)).status).toBe(204);
    expect(emulator.history(2).at(-1)).toMatchObject({ from: 'Fake', type: 'notification' });
  });

  it('keeps a personal token out of private rooms its user is not in', async () => {
    const { token } = emulator.createPersonalToken(3, ALL_SCOPES);
    expect((await call(emulator, 'GET', '/room/2/history', { token })).status).toBe(403);
    expect(emulator.log.apiRefusals.at(-1)?.code).toBe('ACCESS_FORBIDDEN');
  });

  it('answers 404 for a room that does not exist', async () => {
    const { token } = emulator.createPersonalToken(1, ALL_SCOPES);
    expect(await notify(token, 'Nowhere')).toMatchObject({ status: 404, body: errorBody(404) });
  });
});

describe('every call', () => {
  // Every row has four members: jest takes a test function with more parameters than the row for one that wants `done`.
  // `scopes` lists each scope that lets the call through (space-separated): the token has none of them.
  const calls: Array<[method: string, path: string, scopes: string, body: unknown]> = [
    ['POST', '/room/1/notification', 'send_notification', { message: 'hi' }],
    ['POST', '/room/1/message', 'send_message', { message: 'hi' }],
    ['POST', '/room/1/reply', 'send_message', { parentMessageId: 'm', message: 'hi' }],
    ['POST', '/room/1/share/link', 'send_message', { link: 'https://example.com' }],
    ['POST', '/user/2/message', 'send_message', { message: 'hi' }],
    ['PUT', '/room/1/topic', 'admin_room', { topic: 'hi' }],
    ['GET', '/room', 'view_group', undefined],
    ['POST', '/room', 'manage_rooms', { name: 'New' }],
    ['GET', '/room/1', 'view_room view_group', undefined],
    ['PUT', '/room/1', 'admin_room', { topic: 'hi' }],
    ['DELETE', '/room/1', 'manage_rooms', undefined],
    ['GET', '/room/1/history', 'view_messages', undefined],
    ['GET', '/room/1/history/latest', 'view_messages', undefined],
    ['GET', '/room/1/participant', 'view_room view_group', undefined],
    ['GET', '/room/1/member', 'view_room view_group', undefined],
    ['POST', '/room/1/webhook', 'admin_room', { url: 'http://127.0.0.1:9/hook', event: 'room_message' }],
    ['GET', '/room/1/webhook', 'admin_room', undefined],
    ['GET', '/room/1/webhook/1', 'admin_room', undefined],
    ['DELETE', '/room/1/webhook/1', 'admin_room', undefined],
    ['GET', '/user', 'view_group', undefined],
    ['GET', '/user/1', 'view_group', undefined],
    ['GET', '/emoticon', 'view_group', undefined],
    ['GET', '/emoticon/1', 'view_group', undefined],
    ['POST', '/addon/ui/room/1', 'view_room', { glance: [{ key: 'g', content: { label: { type: 'html', value: 'x' } } }] }],
    ['POST', '/addon/ui', 'view_group', { glance: [{ key: 'g', content: { label: { type: 'html', value: 'x' } } }] }],
    ['POST', '/addon/ui/user/1', 'view_group', { glance: [{ key: 'g', content: { label: { type: 'html', value: 'x' } } }] }],
    ['POST', '/addon', 'admin_group', { url: 'http://127.0.0.1:9/descriptor' }],
    ['DELETE', '/addon/com.example.fake/installable/x', 'admin_group admin_room', undefined],
  ];

  it.each(calls)('%s %s refuses a token without %s (401)', async (method, path, scopes, body) => {
    const { token } = emulator.createPersonalToken(1, ALL_SCOPES.filter((granted) => !scopes.split(' ').includes(granted)));
    expect(await call(emulator, method, path, { token, body })).toMatchObject({ status: 401, body: errorBody(401) });
    expect(emulator.log.apiRefusals.at(-1)).toMatchObject({ method, code: 'SCOPE_MISSING' });
  });
});

describe('auth_test=true', () => {
  it('answers 202 and does nothing when the token has access', async () => {
    const { token } = emulator.createRoomToken(1);
    const before = emulator.history(1).length;
    const answer = await call(emulator, 'POST', '/room/1/notification', { token, query: { auth_test: 'true' }, body: { message: 'not sent' } });
    expect(answer).toMatchObject({ status: 202, body: undefined });
    expect(emulator.history(1)).toHaveLength(before);
  });

  it('answers 401 when the token lacks access', async () => {
    const { token } = emulator.createRoomToken(1);
    expect((await call(emulator, 'GET', '/user', { token, query: { auth_test: 'true' } })).status).toBe(401);
  });
});

describe('bodies', () => {
  const token = () => emulator.createRoomToken(1).token;

  it('refuses malformed JSON with 400 in the REST API\'s error shape', async () => {
    const answer = await call(emulator, 'POST', '/room/1/notification', { token: token(), rawBody: '{"message": ' });
    expect(answer).toMatchObject({ status: 400, body: errorBody(400) });
    expect(emulator.log.apiRefusals.at(-1)?.code).toBe('BODY_MALFORMED');
    expect(emulator.takeViolations().map((violation) => violation.where)).toEqual(['request']);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const answer = await call(emulator, 'POST', '/room/1/notification', { token: token(), body: { message: 'x'.repeat(70_000) } });
    expect(answer).toMatchObject({ status: 413, body: errorBody(413) });
    emulator.takeViolations();
  });

  it('refuses a body that is not a JSON object, and one that is not JSON at all', async () => {
    expect((await call(emulator, 'POST', '/room/1/notification', { token: token(), body: ['message'] })).status).toBe(400);
    expect((await call(emulator, 'POST', '/room/1/notification', { token: token(), rawBody: 'message=hi', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(emulator.takeViolations()).toHaveLength(2);
  });

  it('names the field at fault', async () => {
    const answer = await call(emulator, 'POST', '/room/1/notification', { token: token(), body: { message: 'hi', color: 'blue' } });
    expect(answer).toMatchObject({ status: 400, body: errorBody(400, 'color') });
    expect(emulator.takeViolations()).toEqual([expect.objectContaining({ where: 'request' })]);
  });
});

describe('onExchange', () => {
  it('sees each /v2 exchange as sent and answered, before the answer leaves', async () => {
    const exchanges: ApiExchange[] = [];
    const plain = await startEmulator({ onExchange: (exchange) => exchanges.push(exchange) });
    try {
      const { token } = plain.createRoomToken(1);
      const answer = await call(plain, 'POST', '/room/Lobby%20Two/notification', { token, tokenIn: 'query', rawBody: '{"message":', query: { tag: 'a' } });
      expect(exchanges).toEqual([{
        method: 'POST', path: '/v2/room/Lobby%20Two/notification', query: { tag: 'a', auth_token: token },
        requestBody: '{"message":', status: answer.status, responseBody: answer.body,
      }]);
      await call(plain, 'GET', '/capabilities');
      expect(exchanges[1]).toMatchObject({ method: 'GET', path: '/v2/capabilities', status: 200, requestBody: undefined, responseBody: { key: 'hipchat' } });
      // A POST without a body (an auth_test probe) is reported without one, not as an empty object.
      await call(plain, 'POST', '/room/1/notification', { token, query: { auth_test: 'true' } });
      expect(exchanges[2]).toMatchObject({ method: 'POST', status: 202, requestBody: undefined });
    } finally {
      await plain.close();
    }
    await expect(startEmulator({ onExchange: 'log' as never })).rejects.toMatchObject({ code: 'OPTION_INVALID', details: { option: 'onExchange' } });
  });
});

describe('rate limit', () => {
  it('counts every request per token in X-Ratelimit-* headers, and answers 429 over the limit', async () => {
    emulator.setLimits({ rateLimit: { limit: 2, windowSeconds: 60 } });
    const { token } = emulator.createPersonalToken(1, ALL_SCOPES);
    const first = await call(emulator, 'GET', '/room', { token });
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('x-ratelimit-reset')).toBe(String(Math.floor(now / 1000) + 60));
    expect((await call(emulator, 'GET', '/room', { token })).headers.get('x-ratelimit-remaining')).toBe('0');
    const refused = await call(emulator, 'GET', '/room', { token });
    expect(refused).toMatchObject({ status: 429, body: errorBody(429) });
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(emulator.log.apiRefusals.at(-1)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    // Another token has its own window, and the window starts over once it ends.
    expect((await call(emulator, 'GET', '/room', { token: emulator.createPersonalToken(2, ALL_SCOPES).token })).status).toBe(200);
    now += 60_000;
    expect((await call(emulator, 'GET', '/room', { token })).status).toBe(200);
  });
});

describe('flood control', () => {
  it('counts messages per room in X-FloodControl-* headers, and answers 429 over the limit', async () => {
    emulator.setLimits({ floodControl: { limit: 1, windowSeconds: 60 } });
    const { token } = emulator.createPersonalToken(1, ALL_SCOPES);
    const sent = await notify(token, 1);
    expect(sent.headers.get('x-floodcontrol-limit')).toBe('1');
    expect(sent.headers.get('x-floodcontrol-remaining')).toBe('0');
    const refused = await call(emulator, 'POST', '/room/1/message', { token, body: { message: 'again' } });
    expect(refused).toMatchObject({ status: 429, body: errorBody(429) });
    expect(emulator.log.apiRefusals.at(-1)?.code).toBe('FLOOD_CONTROLLED');
    // Another room, and a user's private chat, have their own windows.
    expect((await notify(token, 2)).status).toBe(204);
    expect((await call(emulator, 'POST', '/user/2/message', { token, body: { message: 'psst' } })).headers.get('x-floodcontrol-remaining')).toBe('0');
  });

  it('is set at start-up and checked there, naming the option', async () => {
    await expect(startCheckedEmulator({ floodControl: { limit: 0 } })).rejects.toMatchObject({ code: 'OPTION_INVALID', details: { option: 'floodControl.limit' } });
    await expect(startCheckedEmulator({ rateLimit: { windowSeconds: 1.5 } })).rejects.toMatchObject({ details: { option: 'rateLimit.windowSeconds' } });
    expect(() => emulator.setLimits({ rateLimit: { limit: -1 } })).toThrow(expect.objectContaining({ code: 'OPTION_INVALID' }));
  });

  it('can be changed over HTTP', async () => {
    const put = (body: unknown) => fetch(`${emulator.url}/emulator/limits`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await put({ floodControl: { limit: 5 } });
    expect(await answer.json()).toEqual({ rateLimit: { limit: 500, windowSeconds: 300 }, floodControl: { limit: 5, windowSeconds: 60 } });
    const refused = await put({ rateLimit: { limit: 'many' } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual(errorBody(400, 'rateLimit.limit'));
  });
});
