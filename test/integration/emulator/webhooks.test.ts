import jwt from 'jsonwebtoken';
import { extractToken } from '../../../lib/core/jwt/extract';
import { type TokenForm } from 'hipchat-connect/testing';
import { startEmulator, type Emulator, type HostInstallation } from 'hipchat-connect/emulator';
import { startFakeAddon, type FakeAddon } from './fake-addon';

let emulator: Emulator;
let addon: FakeAddon;
let installation: HostInstallation;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
beforeEach(async () => {
  addon = await startFakeAddon();
  installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 2 });
});
afterEach(() => addon.close());
afterAll(() => emulator.close());

const weather = { message: { message: '/WEATHER Paris' } };

/** Finds the token where the add-on's own verifier would, and verifies it with the installation secret. */
function verifiedClaims(call: FakeAddon['webhooks'][number], secret: string): jwt.JwtPayload {
  const token = extractToken({ authorization: call.authorization, query: call.query });
  return jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
}

describe('sendWebhook', () => {
  it.each<[TokenForm, (call: FakeAddon['webhooks'][number]) => void]>([
    ['header', (call) => expect(call.authorization).toMatch(/^JWT [\w-]+\.[\w-]+\.[\w-]+$/)],
    ['header-token', (call) => expect(call.authorization).toMatch(/^JWT token=[\w-]+\./)],
    ['query', (call) => expect(call.query.signed_request).toEqual(expect.any(String))],
  ])('delivers a token that verifies with the secret (%s)', async (tokenForm, where) => {
    const answer = await emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_message', item: weather, tokenForm, user: 2 });
    expect(answer.status).toBe(204);
    const call = addon.webhooks[0]!;
    where(call);
    const claims = verifiedClaims(call, installation.oauthSecret);
    expect(claims).toMatchObject({ iss: installation.oauthId, sub: '2', context: { room_id: 2, user_tz: 'America/New_York' } });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('posts the webhook envelope to the webhook whose (?i) pattern matches', async () => {
    await emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_message', item: weather });
    expect(addon.webhooks.map((call) => call.path)).toEqual(['/webhook/weather']);
    expect(addon.webhooks[0]!.body).toMatchObject({
      event: 'room_message',
      webhook_id: expect.any(Number),
      oauth_client_id: installation.oauthId,
      item: { message: { message: '/WEATHER Paris', type: 'message', from: { id: 1 } }, room: { id: 2, name: 'Engineering' } },
    });
  });

  it('sends nothing when the pattern does not match, and says so', async () => {
    const sending = emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_message', item: { message: { message: 'hello' } } });
    await expect(sending).rejects.toMatchObject({ code: 'ROUTE_NOT_FOUND', message: expect.stringContaining('matching "hello"') });
    expect(addon.webhooks).toEqual([]);
  });

  it('sends non-message events without a pattern check', async () => {
    await emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_enter' });
    expect(addon.webhooks[0]).toMatchObject({ path: '/webhook/enter', body: { event: 'room_enter', item: { sender: { id: 1 }, room: { id: 2 } } } });
  });

  it('records the add-on\'s answer and returns it', async () => {
    addon.webhookAnswer = { status: 200, body: { message: 'Sunny in Paris', color: 'green' } };
    const answer = await emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_message', item: weather });
    expect(answer).toMatchObject({ status: 200, url: `${addon.url}/webhook/weather`, body: { message: 'Sunny in Paris', color: 'green' } });
    expect(emulator.log.webhooksSent.at(-1)).toEqual({
      oauthId: installation.oauthId, url: `${addon.url}/webhook/weather`, event: 'room_message', webhookId: answer.envelope.webhook_id, roomId: 2,
      status: 200, body: { message: 'Sunny in Paris', color: 'green' },
    });
  });

  it('sends unsigned to a webhook that declares authentication none', async () => {
    addon.descriptor.capabilities.webhook[1].authentication = 'none';
    await emulator.update(installation.oauthId);
    await emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_enter', tokenForm: 'query' });
    expect(addon.webhooks[0]).toMatchObject({ authorization: undefined, query: {} });
  });

  it('sends to an explicit URL whatever the descriptor declares', async () => {
    await emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_exit', url: `${addon.url}/webhook/anywhere` });
    expect(addon.webhooks[0]).toMatchObject({ path: '/webhook/anywhere', body: { event: 'room_exit', webhook_id: 0 } });
  });

  it('refuses a room other than the one a room installation lives in', async () => {
    await expect(emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_enter', roomId: 1 })).rejects.toMatchObject({ code: 'PAYLOAD_INVALID' });
  });

  it('lets a group installation hear any room, the first by default', async () => {
    const group = await emulator.install({ descriptorUrl: addon.descriptorUrl });
    await emulator.sendWebhook({ oauthId: group.oauthId, event: 'room_enter' });
    await emulator.sendWebhook({ oauthId: group.oauthId, event: 'room_enter', roomId: 2 });
    expect(addon.webhooks.map((call) => verifiedClaims(call, group.oauthSecret).context.room_id)).toEqual([1, 2]);
  });

  it('signs with the rotated secret once it changes', async () => {
    const secret = emulator.rotateSecret(installation.oauthId);
    await emulator.sendWebhook({ oauthId: installation.oauthId, event: 'room_enter' });
    expect(verifiedClaims(addon.webhooks[0]!, secret).iss).toBe(installation.oauthId);
  });
});

describe('POST /emulator/installations/{oauthId}/webhooks', () => {
  const post = (oauthId: string, body: unknown) =>
    fetch(`${emulator.url}/emulator/installations/${oauthId}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sends the webhook and answers with the add-on\'s answer', async () => {
    addon.webhookAnswer = { status: 200, body: { message: 'ok' } };
    const response = await post(installation.oauthId, { event: 'room_message', item: weather, tokenForm: 'header-token' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 200, body: { message: 'ok' }, envelope: { event: 'room_message' } });
    expect(addon.webhooks[0]!.authorization).toMatch(/^JWT token=/);
  });

  it('refuses a bad token form and an unknown event with 400, an unknown installation with 404', async () => {
    expect((await post(installation.oauthId, { event: 'room_message', tokenForm: 'cookie' })).status).toBe(400);
    expect((await post(installation.oauthId, { event: 'room_dance' })).status).toBe(400);
    expect((await post('no-such-client', { event: 'room_enter' })).status).toBe(404);
  });
});
