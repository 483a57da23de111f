import request from 'supertest';
import { WEBHOOK_EVENTS, type Installation } from 'hipchat-connect';
import { signRequest, testEvent, type TokenForm } from 'hipchat-connect/testing';
import { startStack, type Stack } from '../../support/stack';

interface Seen {
  key: string;
  event: string;
  roomId: number;
  sender: unknown;
  groups?: Record<string, string | undefined>;
}

describe.each(['mounted', 'standalone'] as const)('webhooks and slash commands over HTTP, from the emulator, %s', (serving) => {
  let stack: Stack;
  let installation: Installation;
  let seen: Seen[];

  beforeAll(async () => {
    stack = await startStack({}, { serving });
    // Beside the example's /weather command: a room_message webhook without a pattern, a second command,
    // and a webhook for each other event.
    const record = (key: string) => (ctx: { event: string; roomId: number; sender: unknown; match?: { groups: Record<string, string | undefined> } }) =>
      void seen.push({ key, event: ctx.event, roomId: ctx.roomId, sender: ctx.sender, ...(ctx.match ? { groups: ctx.match.groups } : {}) });
    stack.addon
      .webhook('room_message', { key: 'everything' }, record('everything'))
      .webhook('room_message', { key: 'echo', pattern: /^\/echo\s+(?<text>.+?)(?:\s+x(?<times>\d))?$/ }, (ctx) => {
        record('echo')(ctx);
        return { message: ctx.match.groups.text!.repeat(Number(ctx.match.groups.times ?? 1)), message_format: 'text' };
      });
    for (const event of WEBHOOK_EVENTS.filter((name) => name !== 'room_message')) stack.addon.webhook(event, { key: event }, record(event));
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: stack.emulator.rooms[1]!.id });
    installation = (await stack.store.fetchInstallation(oauthId))!;
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(async () => {
    await stack.close();
  });

  /** The keys of the webhooks the emulator sent to since the log had `count` entries. */
  const sentSince = (count: number) => stack.emulator.log.webhooksSent.slice(count).map((sent) => sent.url.split('/').pop());

  it.each(WEBHOOK_EVENTS)('delivers %s from the emulator to its handler, validated, with the room and the sender', async (event) => {
    const delivery = await stack.emulator.sendWebhook({ oauthId: installation.oauthId, event, user: 2 });
    expect(delivery.status).toBe(204);
    const sender = event === 'room_notification' ? 'Emulator' : expect.objectContaining({ id: 2, mention_name: 'Grace' });
    expect(seen).toEqual([{ key: event === 'room_message' ? 'everything' : event, event, roomId: installation.roomId, sender }]);
  });

  it('answers a slash command with its captures, while the webhook without a pattern hears it too and /weather does not', async () => {
    const before = stack.emulator.log.webhooksSent.length;
    await stack.emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_message', item: { message: { message: '/echo ho x3' } } });
    // The host sends one request per webhook that hears the message, in descriptor order.
    expect(sentSince(before)).toEqual(['everything', 'echo']);
    expect(stack.emulator.log.webhooksSent.at(-1)).toMatchObject({ status: 200, body: { message: 'hohoho', message_format: 'text' } });
    expect(seen).toContainEqual(expect.objectContaining({ key: 'echo', groups: { text: 'ho', times: '3' } }));
  });

  it('sends each webhook only what its pattern matches', async () => {
    const before = stack.emulator.log.webhooksSent.length;
    const delivery = await stack.emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_message', item: { message: { message: '/weather Lima' } } });
    expect(delivery.body).toMatchObject({ message: 'Sunny in Lima, 21°' });
    expect(sentSince(before)).toEqual(['weather', 'everything']);
    expect(seen.map((call) => call.key)).toEqual(['everything']);
  });

  it.each<TokenForm>(['header', 'header-token', 'query'])('accepts a request signed by the testing helper (%s)', async (form) => {
    const signed = signRequest(installation, { form });
    const response = await request(stack.served.url).post('/webhooks/echo').set(signed.headers).query(signed.query)
      .send(testEvent('room_message', '/echo hi'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: 'hi', message_format: 'text' });
  });

  it('refuses a properly signed payload that breaks its schema with PAYLOAD_INVALID, naming the path, before any handler runs', async () => {
    const payload = testEvent('room_message', { message: { message: '/echo hi', from: 'not a user' } as never });
    const signed = signRequest(installation);
    const response = await request(stack.served.url).post('/webhooks/echo').set(signed.headers).send(payload);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'PAYLOAD_INVALID', details: { problems: [{ path: '/item/message/from', rule: 'must be object' }] } });
    expect(seen).toEqual([]);
  });

  it('refuses a payload of another event than the webhook\'s, signed properly', async () => {
    const response = await request(stack.served.url).post('/webhooks/echo').set(signRequest(installation).headers).send(testEvent('room_enter'));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PAYLOAD_INVALID');
    expect(seen).toEqual([]);
  });
});
