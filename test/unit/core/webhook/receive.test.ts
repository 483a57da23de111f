import { createAddon, isConnectError, MemoryStore, type Addon, type Logger } from 'hipchat-connect';
import { fakeInstallation, testEvent } from 'hipchat-connect/testing';

interface RecordingLogger extends Logger {
  warnings: unknown[][];
  errors: unknown[][];
}

function recordingLogger(): RecordingLogger {
  const warnings: unknown[][] = [];
  const errors: unknown[][] = [];
  return { warnings, errors, debug() {}, info() {}, warn: (...args) => void warnings.push(args), error: (...args) => void errors.push(args) };
}

const installation = fakeInstallation();
let logger: RecordingLogger;
let addon: Addon;
beforeEach(() => {
  logger = recordingLogger();
  addon = createAddon({ key: 'com.example.test', name: 'Test', description: 'Test', scopes: ['send_notification'], store: new MemoryStore(), logger });
});
afterEach(() => addon.close());

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isConnectError(error)) throw new Error(`expected a ConnectError, got ${String(error)}`);
  return error;
}

describe('receive: validation before handlers', () => {
  const invalid: Array<[string, unknown, { path: string; rule: string }]> = [
    ['a body that is not an object', ['room_message'], { path: '', rule: 'must be object' }],
    ['an unknown event', { ...testEvent('room_enter'), event: 'room_joined' }, { path: '/event', rule: expect.stringContaining('must be one of room_message') }],
    ['a room without an id', testEvent('room_message', { room: { id: undefined } }), { path: '/item/room', rule: "must have required property 'id'" }],
    ['a notification from a user', testEvent('room_notification', { message: { from: { id: 1 } } } as never), { path: '/item/message/from', rule: 'must be string' }],
    ['a topic change without its topic', testEvent('room_topic_change', { topic: undefined }), { path: '/item', rule: "must have required property 'topic'" }],
  ];

  it.each(invalid)('refuses %s with PAYLOAD_INVALID naming the path and rule; no handler runs', async (_name, payload, problem) => {
    const ran: string[] = [];
    for (const event of ['room_message', 'room_notification', 'room_enter', 'room_topic_change'] as const) addon.webhook(event, () => void ran.push(event));
    const error = await refusal(addon.receive(payload, { installation }));
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.details?.problems).toEqual([problem]);
    expect(ran).toEqual([]);
  });

  it('accepts every event the testing helper builds', async () => {
    const seen: string[] = [];
    for (const event of ['room_message', 'room_file_upload', 'room_deleted'] as const) addon.webhook(event, (ctx) => void seen.push(ctx.event));
    for (const event of ['room_message', 'room_file_upload', 'room_deleted'] as const) await addon.receive(testEvent(event), { installation });
    expect(seen).toEqual(['room_message', 'room_file_upload', 'room_deleted']);
  });
});

describe('receive: patterns', () => {
  it('hands a slash command\'s named groups to its handler and returns its reply', async () => {
    addon.webhook('room_message', /^\/weather\s+(?<city>.+?)(?:\s+in\s+(?<unit>celsius|fahrenheit))?$/i, (ctx) =>
      ({ message: `${ctx.match.groups.city} in ${ctx.match.groups.unit ?? 'celsius'}`, color: 'green' }));
    await expect(addon.receive(testEvent('room_message', '/WEATHER Paris'), { installation })).resolves.toEqual({ message: 'Paris in celsius', color: 'green' });
    await expect(addon.receive(testEvent('room_message', '/weather Oslo in fahrenheit'), { installation })).resolves.toEqual({ message: 'Oslo in fahrenheit', color: 'green' });
  });

  it('gives a pattern without named groups an empty groups object, and the match itself', async () => {
    let seen: unknown;
    addon.webhook('room_message', /^\/roll (\d+)$/, (ctx) => {
      seen = { whole: ctx.match[0], first: ctx.match[1], groups: ctx.match.groups };
    });
    await addon.receive(testEvent('room_message', '/roll 6'), { installation });
    expect(seen).toEqual({ whole: '/roll 6', first: '6', groups: {} });
  });

  it('matches room_notification text too', async () => {
    addon.webhook('room_notification', /build (?<status>failed|passed)/, (ctx) => `${ctx.sender} says ${ctx.match.groups.status}`);
    const payload = testEvent('room_notification', { message: { message: 'The build failed', from: 'Jenkins' } });
    await expect(addon.receive(payload, { installation })).resolves.toEqual({ message: 'Jenkins says failed' });
  });
});

describe('receive: several handlers of one event', () => {
  let ran: string[];
  beforeEach(() => {
    ran = [];
    addon
      .webhook('room_message', { key: 'everything' }, (ctx) => void ran.push(`everything: ${ctx.message}`))
      .webhook('room_message', { key: 'weather', pattern: /^\/weather (?<city>.+)$/ }, (ctx) => {
        ran.push(`weather: ${ctx.match.groups.city}`);
        return `Sunny in ${ctx.match.groups.city}`;
      })
      .webhook('room_message', { key: 'echo', pattern: /^\/echo (?<text>.+)$/ }, (ctx) => {
        ran.push(`echo: ${ctx.match.groups.text}`);
        return ctx.match.groups.text;
      });
  });

  it('without a key, runs each handler whose pattern matches, in declaration order, and returns the first reply', async () => {
    await expect(addon.receive(testEvent('room_message', '/weather Paris'), { installation })).resolves.toEqual({ message: 'Sunny in Paris' });
    expect(ran).toEqual(['everything: /weather Paris', 'weather: Paris']);
  });

  it('without a key, a message no pattern matches reaches only the handler without a pattern', async () => {
    await expect(addon.receive(testEvent('room_message', 'good morning'), { installation })).resolves.toBeUndefined();
    expect(ran).toEqual(['everything: good morning']);
  });

  it('with a key, as over HTTP, runs only the webhook the host addressed', async () => {
    await expect(addon.receive(testEvent('room_message', '/echo hi'), { installation, key: 'echo' })).resolves.toEqual({ message: 'hi' });
    expect(ran).toEqual(['echo: hi']);
  });

  it('with a key whose pattern does not match locally, skips the handler and warns once', async () => {
    await expect(addon.receive(testEvent('room_message', '/weather Paris'), { installation, key: 'echo' })).resolves.toBeUndefined();
    expect(ran).toEqual([]);
    expect(logger.warnings).toHaveLength(1);
  });

  it('refuses an unknown key, and an event the addressed webhook does not listen to', async () => {
    expect((await refusal(addon.receive(testEvent('room_message'), { installation, key: 'nope' }))).code).toBe('ROUTE_NOT_FOUND');
    expect((await refusal(addon.receive(testEvent('room_enter'), { installation, key: 'echo' }))).code).toBe('PAYLOAD_INVALID');
  });
});

describe('receive: the context', () => {
  it('gives a message handler the text, the author, the room, and the claims a host would have signed', async () => {
    let context: unknown;
    addon.webhook('room_message', (ctx) => {
      context = { message: ctx.message, sender: ctx.sender.mention_name, room: ctx.room.name, roomId: ctx.roomId, userId: ctx.userId, claims: ctx.claims, match: ctx.match };
    });
    await addon.receive(testEvent('room_message', { message: { message: 'hi' }, room: { id: 9, name: 'Ops' } }), { installation });
    expect(context).toEqual({
      message: 'hi', sender: 'Tess', room: 'Ops', roomId: 9, userId: '7',
      claims: { iss: installation.oauthId, sub: '7', iat: expect.any(Number), exp: expect.any(Number), context: { room_id: 9 } },
      match: undefined,
    });
  });

  it('uses the verified claims when the transport gives them', async () => {
    let userId: string | undefined;
    addon.webhook('room_enter', (ctx) => void (userId = ctx.userId));
    await addon.receive(testEvent('room_enter'), { installation, claims: { iss: installation.oauthId, sub: '1234', iat: 1, exp: 2 } });
    expect(userId).toBe('1234');
  });

  it('names the user who acted on other events, and passes the payload through', async () => {
    let seen: unknown;
    addon.webhook('room_topic_change', (ctx) => void (seen = { sender: ctx.sender.name, topic: ctx.payload.item.topic, event: ctx.event }));
    await addon.receive(testEvent('room_topic_change', { topic: 'Release day', sender: { name: 'Ada Lovelace' } }), { installation });
    expect(seen).toEqual({ sender: 'Ada Lovelace', topic: 'Release day', event: 'room_topic_change' });
  });
});

describe('receive: handler failures and replies', () => {
  it('turns a throwing handler into HANDLER_FAILED and logs it exactly once', async () => {
    addon.webhook('room_message', { key: 'broken' }, () => {
      throw new Error('boom');
    });
    expect((await refusal(addon.receive(testEvent('room_message'), { installation, key: 'broken' }))).code).toBe('HANDLER_FAILED');
    expect(logger.errors).toHaveLength(1);
  });

  it('turns a string into a reply, and nothing into no reply', async () => {
    addon.webhook('room_message', { key: 'text' }, () => 'plain').webhook('room_enter', { key: 'quiet' }, async () => undefined);
    await expect(addon.receive(testEvent('room_message'), { installation, key: 'text' })).resolves.toEqual({ message: 'plain' });
    await expect(addon.receive(testEvent('room_enter'), { installation, key: 'quiet' })).resolves.toBeUndefined();
  });
});
