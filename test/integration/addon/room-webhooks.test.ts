import { createAddon, MemoryStore, RedisStore, silentLogger, type Addon, type Installation } from 'hipchat-connect';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { connectTestRedis, freeLoopbackPort, type TestRedis } from '../../support/redis';
import { serveStandalone, type Served } from '../../support/serve';

/** Webhooks an add-on registers for single rooms at run time, reaching the handlers it declared. */
describe('room webhooks registered at run time', () => {
  let redis: TestRedis;
  let emulator: CheckedEmulator;
  let addon: Addon;
  let served: Served;
  let installation: Installation;
  const texts = () => emulator.history(1).map((message) => message.message);

  beforeAll(async () => {
    redis = connectTestRedis();
    emulator = await startCheckedEmulator();
    const port = await freeLoopbackPort();
    addon = createAddon({
      key: 'com.example.deploys', name: 'Deploys', description: 'Tells a room about deploys once asked to',
      scopes: ['send_notification', 'admin_room'], baseUrl: `http://127.0.0.1:${port}`,
      store: new RedisStore(redis.redis, { prefix: redis.prefix, logger: silentLogger }), development: true, logger: silentLogger,
    });
    addon.webhook('room_message', { key: 'subscribe', pattern: /^\/subscribe$/ }, async (ctx) => {
      await addon.roomWebhook(ctx.installation, ctx.roomId, 'deploys');
      return 'Subscribed';
    });
    addon.webhook('room_message', { key: 'deploys', pattern: /^\/deploy (?<what>.+)$/, dynamic: true }, (ctx) => `Deploying ${ctx.match.groups.what}`);
    served = await serveStandalone(addon, undefined, port);
    const { oauthId } = await emulator.install({ descriptorUrl: `${served.url}/atlassian-connect.json` });
    installation = (await addon.installation(oauthId))!;
  });
  afterEach(() => emulator.assertContract());
  afterAll(async () => {
    await served.close();
    await addon.close();
    await emulator.close();
    await redis.cleanup();
  });

  it('leaves a dynamic webhook out of the descriptor, so nothing hears it until a room asks', async () => {
    const webhooks = addon.descriptor(served.url).capabilities?.webhook ?? [];
    expect(webhooks.map((webhook) => webhook.key)).toEqual(['subscribe']);
    const before = await emulator.postMessage({ room: 1, message: '/deploy api' });
    expect(before.deliveries).toEqual([]);
  });

  it('registers it for the room from a handler; the host then delivers it, signed, to the declared handler', async () => {
    const subscribed = await emulator.postMessage({ room: 1, message: '/subscribe' });
    expect(subscribed.replies.map((reply) => reply.message)).toEqual(['Subscribed']);

    const deploy = await emulator.postMessage({ room: 1, message: '/deploy api v2' });
    expect(deploy.deliveries).toEqual([expect.objectContaining({ status: 200, url: `${served.url}/webhooks/deploys` })]);
    expect(texts().slice(-2)).toEqual(['/deploy api v2', 'Deploying api v2']);
    const elsewhere = await emulator.postMessage({ room: 2, message: '/deploy api v2' });
    expect(elsewhere.deliveries).toEqual([]);
  });

  it('is listed and deleted through the client, after which the room no longer hears it', async () => {
    const client = addon.client(installation);
    const registered = [];
    for await (const webhook of client.rooms.webhooks.list(1)) registered.push(webhook);
    expect(registered).toEqual([expect.objectContaining({ url: `${served.url}/webhooks/deploys`, event: 'room_message', authentication: 'jwt' })]);
    await client.rooms.webhooks.delete(1, registered[0]!.id);
    const after = await emulator.postMessage({ room: 1, message: '/deploy api v3' });
    expect(after.deliveries).toEqual([]);
  });

  it('refuses a key no webhook declares, and works only with a baseUrl the host can call', async () => {
    await expect(addon.roomWebhook(installation, 1, 'nope')).rejects.toMatchObject({ code: 'OPTION_INVALID' });
    const unplaced = createAddon({ key: 'com.example.x', name: 'X', description: 'x', store: new MemoryStore(), logger: silentLogger });
    unplaced.webhook('room_message', { key: 'later', dynamic: true }, () => undefined);
    await expect(unplaced.roomWebhook(installation, 1, 'later')).rejects.toMatchObject({ code: 'OPTION_INVALID', details: { option: 'baseUrl' } });
    await unplaced.close();
  });
});
