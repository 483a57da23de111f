import { createTokenClient, isConnectError, silentLogger, type HipChatClient } from 'hipchat-connect';
import { json, startApiServer, type ApiServer } from '../../support/api-server';

/**
 * Every call of the REST API (docs/protocol.md#api-calls) over real HTTP: the request each method sends
 * (method, encoded path, query, JSON body, bearer token) and what it makes of the answer.
 */
let api: ApiServer;
let client: HipChatClient;
let answer: { status: number; body?: unknown } = { status: 204 };

beforeAll(async () => {
  api = await startApiServer();
  // A base with a trailing slash, as the capabilities document gives it: paths must still join cleanly.
  client = createTokenClient({ apiUrl: `${api.apiUrl}/`, token: 'personal-token', logger: silentLogger });
});
afterAll(() => api.close());
// The test server checks every request it receives against the OpenAPI contract.
afterEach(() => api.assertContract());
beforeEach(() => {
  api.requests.length = 0;
  answer = { status: 204 };
  api.answer = (_request, response) =>
    answer.body === undefined ? void response.writeHead(answer.status).end() : json(response, answer.status, answer.body);
});

const room = { id: 7, name: 'Ops / Deploys', links: { self: 'http://h/v2/room/7' } };
const user = { id: 1, name: 'Ada Lovelace', mention_name: 'Ada' };
const glance = { key: 'g', content: { label: { type: 'html', value: 'idle' } } } as const;

type Case = [string, (client: HipChatClient) => Promise<unknown>, string, unknown, { status: number; body?: unknown }?];

// [what, call, "METHOD /path?query", the JSON body sent, the host's answer (204 when left out)]
const CASES: Case[] = [
  ['rooms.get', (c) => c.rooms.get('Ops / Deploys'), 'GET /v2/room/Ops%20%2F%20Deploys', undefined, { status: 200, body: room }],
  ['rooms.create', (c) => c.rooms.create({ name: 'New', privacy: 'private' }), 'POST /v2/room', { name: 'New', privacy: 'private' }, { status: 201, body: { id: 8, links: { self: 'x' } } }],
  ['rooms.update', (c) => c.rooms.update(7, { topic: 'Quiet' }), 'PUT /v2/room/7', { topic: 'Quiet' }],
  ['rooms.delete', (c) => c.rooms.delete(7), 'DELETE /v2/room/7', undefined],
  ['rooms.notify (text)', (c) => c.rooms.notify(7, 'a < b'), 'POST /v2/room/7/notification', { message: 'a < b', message_format: 'text' }],
  ['rooms.notify (object)', (c) => c.rooms.notify('Ops', { message: '<b>up</b>', color: 'green', notify: true, from: 'CI' }),
    'POST /v2/room/Ops/notification', { message: '<b>up</b>', color: 'green', notify: true, from: 'CI' }],
  ['rooms.sendMessage', (c) => c.rooms.sendMessage(7, 'hi'), 'POST /v2/room/7/message', { message: 'hi' }, { status: 201, body: { id: 'm1', timestamp: '2024-01-01T00:00:00Z' } }],
  ['rooms.reply', (c) => c.rooms.reply(7, 'm1', 'indeed'), 'POST /v2/room/7/reply', { parentMessageId: 'm1', message: 'indeed' }],
  ['rooms.shareLink', (c) => c.rooms.shareLink(7, 'https://example.com', 'look'), 'POST /v2/room/7/share/link', { link: 'https://example.com', message: 'look' }],
  ['rooms.setTopic', (c) => c.rooms.setTopic(7, 'Deploy day'), 'PUT /v2/room/7/topic', { topic: 'Deploy day' }],
  ['rooms.latestHistory', (c) => c.rooms.latestHistory(7, { maxResults: 5, notBefore: 'm1' }), 'GET /v2/room/7/history/latest?max-results=5&not-before=m1', undefined,
    { status: 200, body: { items: [], startIndex: 0, maxResults: 5, links: { self: 'x' } } }],
  ['rooms.webhooks.create', (c) => c.rooms.webhooks.create(7, { url: 'https://addon.example/hook', event: 'room_enter' }),
    'POST /v2/room/7/webhook', { url: 'https://addon.example/hook', event: 'room_enter' }, { status: 201, body: { id: '3', links: { self: 'x' } } }],
  ['rooms.webhooks.get', (c) => c.rooms.webhooks.get(7, '3'), 'GET /v2/room/7/webhook/3', undefined, { status: 200, body: { id: '3', url: 'u', event: 'room_enter' } }],
  ['rooms.webhooks.delete', (c) => c.rooms.webhooks.delete(7, 3), 'DELETE /v2/room/7/webhook/3', undefined],
  ['users.get', (c) => c.users.get('ada@example.com'), 'GET /v2/user/ada%40example.com', undefined, { status: 200, body: user }],
  ['users.sendMessage', (c) => c.users.sendMessage('@Ada', 'psst'), 'POST /v2/user/%40Ada/message', { message: 'psst', message_format: 'text' }],
  ['emoticons.get', (c) => c.emoticons.get('allthethings'), 'GET /v2/emoticon/allthethings', undefined, { status: 200, body: { id: 1, shortcut: 'allthethings', url: 'u' } }],
  ['glances.push (room)', (c) => c.glances.push({ room: 7 }, [{ key: 'g', content: { label: { type: 'html', value: '<b>1</b>' } } }]),
    'POST /v2/addon/ui/room/7', { glance: [{ key: 'g', content: { label: { type: 'html', value: '<b>1</b>' } } }] }],
  ['glances.push (user)', (c) => c.glances.push({ user: 1 }, [glance]), 'POST /v2/addon/ui/user/1', { glance: [glance] }],
  ['glances.push (group)', (c) => c.glances.push('group', [glance]), 'POST /v2/addon/ui', { glance: [glance] }],
  ['request', (c) => c.request('GET /room/{room}/history', { path: { room: 'Ops / Deploys' }, query: { timezone: 'Europe/Paris' } }),
    'GET /v2/room/Ops%20%2F%20Deploys/history?timezone=Europe%2FParis', undefined, { status: 200, body: { items: [], startIndex: 0, maxResults: 100 } }],
];

describe('each call', () => {
  it.each(CASES)('%s sends what the REST API takes and reads the answer', async (_name, call, request, body, given = { status: 204 }) => {
    answer = given;
    const result = await call(client);

    expect(api.requests).toHaveLength(1);
    const [received] = api.requests;
    expect(`${received!.method} ${received!.url}`).toBe(request);
    expect(received!.headers.authorization).toBe('Bearer personal-token');
    expect(received!.body).toEqual(body);
    expect(received!.headers['content-type']).toBe(body === undefined ? undefined : 'application/json');
    expect(result).toEqual(given.body);
  });
});

describe('collections', () => {
  const items = Array.from({ length: 250 }, (_, index) => ({ ...room, id: index + 1, name: `Room ${index + 1}` }));

  beforeEach(() => {
    api.answer = (request, response) => {
      const url = new URL(request.url, 'http://x');
      const start = Number(url.searchParams.get('start-index') ?? 0);
      const max = Number(url.searchParams.get('max-results') ?? 100);
      const page = items.slice(start, start + max);
      const next = start + max < items.length ? { next: `http://elsewhere.invalid/v2/room?start-index=${start + max}` } : {};
      json(response, 200, { items: page, startIndex: start, maxResults: max, links: { self: request.url, ...next } });
    };
  });

  it('iterate every item, page after page, as long as links.next says there is more', async () => {
    const names: string[] = [];
    for await (const each of client.rooms.list({ includePrivate: true })) names.push(each.name);

    expect(names).toEqual(items.map((each) => each.name));
    // Pages are asked of the client's own API, never of the address the link names.
    expect(api.requests.map((request) => request.url)).toEqual([
      '/v2/room?include-private=true&start-index=0', '/v2/room?include-private=true&start-index=100', '/v2/room?include-private=true&start-index=200',
    ]);
  });

  it('take the page size and the first index', async () => {
    const pages = [];
    for await (const page of client.users.list({ startIndex: 200, maxResults: 30 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([30, 20]);
  });

  it('give one page on request', async () => {
    const page = await client.rooms.history(7, { maxResults: 10, reverse: false }).page(40);
    expect(page).toMatchObject({ startIndex: 40, maxResults: 10, items: items.slice(40, 50) });
    expect(api.requests.map((request) => request.url)).toEqual(['/v2/room/7/history?reverse=false&start-index=40&max-results=10']);
  });

  it.each([
    ['participants', (c: HipChatClient) => c.rooms.participants(7, { includeOffline: true }), '/v2/room/7/participant?include-offline=true&start-index=0'],
    ['members', (c: HipChatClient) => c.rooms.members(7), '/v2/room/7/member?start-index=0'],
    ['webhooks', (c: HipChatClient) => c.rooms.webhooks.list(7), '/v2/room/7/webhook?start-index=0'],
    ['emoticons', (c: HipChatClient) => c.emoticons.list({ type: 'group' }), '/v2/emoticon?type=group&start-index=0'],
  ])('%s is a collection too', async (_name, list, firstUrl) => {
    expect((await list(client).page()).items).toHaveLength(100);
    expect(api.requests[0]!.url).toBe(firstUrl);
  });

  it('refuse a page size the host does not take, before asking', () => {
    expect(() => client.rooms.list({ maxResults: 1001 })).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
    expect(api.requests).toHaveLength(0);
  });
});

describe('cards', () => {
  const card = { style: 'application', id: 'pr-42', title: 'Fix the login', url: 'https://git.example/pr/42',
    description: { value: 'Users <b>could not</b> log in', format: 'html' } } as const;

  it('go out validated, with a text message made from the card when none is given', async () => {
    await client.rooms.notify(7, { card, color: 'purple' });
    expect(api.requests[0]!.body).toEqual({
      color: 'purple', card, message_format: 'text', message: 'Fix the login\nUsers could not log in\nhttps://git.example/pr/42',
    });
  });

  it('keep the message given with them', async () => {
    await client.rooms.notify(7, { card, message: 'PR <b>42</b>', message_format: 'html' });
    expect(api.requests[0]!.body).toEqual({ card, message: 'PR <b>42</b>', message_format: 'html' });
  });

  it('are refused with CARD_INVALID naming the path, and nothing is sent', async () => {
    const broken = { ...card, attributes: [{ label: 'Status', value: { label: 'open', style: 'lozenge-blue' } }] };
    const failure = await client.rooms.notify(7, { card: broken as never }).catch((error: unknown) => error);
    expect(isConnectError(failure, 'CARD_INVALID')).toBe(true);
    expect((failure as { details: { problems: unknown } }).details.problems).toEqual([
      { path: '/attributes/0/value/style', rule: 'must be equal to one of the allowed values' },
    ]);
    expect(api.requests).toHaveLength(0);
  });

  it('or their absence: a notification needs a message or a card', async () => {
    const failure = await client.rooms.notify(7, { message: '' }).catch((error: unknown) => error);
    expect(isConnectError(failure, 'REQUEST_INVALID')).toBe(true);
    expect(api.requests).toHaveLength(0);
  });
});

describe('glance pushes', () => {
  it('need at least one glance: an empty push is refused with REQUEST_INVALID before sending', async () => {
    const failure = await client.glances.push('group', []).catch((error: unknown) => error);
    expect(isConnectError(failure, 'REQUEST_INVALID')).toBe(true);
    expect(api.requests).toHaveLength(0);
  });
});

describe('authTest', () => {
  it('is true when the host answers 202 to ?auth_test=true', async () => {
    answer = { status: 202 };
    expect(await client.authTest('POST /room/{room}/notification', { path: { room: 7 } })).toBe(true);
    expect(api.requests[0]!.url).toBe('/v2/room/7/notification?auth_test=true');
  });

  it('is false when the host answers 401', async () => {
    answer = { status: 401, body: { error: { code: 401, type: 'Unauthorized', message: 'no' } } };
    expect(await client.authTest('GET /user')).toBe(false);
  });
});

describe('errors from the host', () => {
  it('carry the status and the host\'s error body', async () => {
    answer = { status: 400, body: { error: { code: 400, type: 'Bad Request', message: 'Room name too long', field: 'name', validation: 'length' } } };
    const failure = await client.rooms.create({ name: 'x'.repeat(60) }).catch((error: unknown) => error);
    expect(api.takeViolations().map((violation) => violation.problem)).toEqual(['body /name must NOT have more than 50 characters']);
    expect(isConnectError(failure, 'HIPCHAT_API_ERROR')).toBe(true);
    expect((failure as { details: unknown }).details).toEqual({
      method: 'POST', path: '/v2/room', attempts: 1, status: 400,
      error: { code: 400, type: 'Bad Request', message: 'Room name too long', field: 'name', validation: 'length' },
    });
  });

  it('name a 404 as HIPCHAT_API_ERROR with its status', async () => {
    answer = { status: 404, body: { error: { code: 404, type: 'Not Found', message: 'Room not found' } } };
    const failure = await client.rooms.get('Nowhere').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'HIPCHAT_API_ERROR', details: { status: 404 } });
  });

  it('never follow a redirect with the token', async () => {
    api.answer = (_request, response) => void response.writeHead(302, { location: 'http://127.0.0.1:1/steal' }).end();
    const failure = await client.rooms.get(7).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'HIPCHAT_API_ERROR', details: { status: 302 } });
    expect(api.requests).toHaveLength(1);
  });
});
