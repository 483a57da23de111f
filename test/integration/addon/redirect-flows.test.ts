import request from 'supertest';
import type { Fetch } from 'hipchat-connect';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { keysOf, redisStore, startStack, type Stack } from '../../support/stack';
import { startTrap, type Trap } from '../../support/trap';

/**
 * The browser redirect flows (docs/protocol.md#browser-redirect-flows): install and uninstall driven by the
 * admin's browser, with the emulator as host.
 */
describe('browser redirect flows', () => {
  let redis: TestRedis;
  let stack: Stack;
  /** The same add-on, accepting installs only from the first stack's emulator. */
  let strict: Stack;
  let trap: Trap;
  /** Every URL the add-on of `stack` fetched, in order. */
  const fetched: string[] = [];
  const recordingFetch: Fetch = (input, init) => {
    fetched.push(String(input));
    return fetch(input, init);
  };
  let failInstall = false;

  beforeAll(async () => {
    redis = connectTestRedis();
    stack = await startStack({ store: redisStore(redis.redis, redis.prefix), installable: { redirectFlows: true }, fetch: recordingFetch });
    stack.addon.on('installed', () => {
      if (failInstall) throw new Error('provisioning failed');
    });
    strict = await startStack({ store: redisStore(redis.redis, `${redis.prefix}strict:`), installable: { redirectFlows: true }, allowedHosts: [stack.emulator.url] });
    trap = await startTrap();
  });
  afterAll(async () => {
    await strict.close();
    await stack.close();
    await trap.close();
    await redis.cleanup();
  });
  beforeEach(() => {
    fetched.length = 0;
    failInstall = false;
  });

  const done = () => `${stack.emulator.url}/emulator/done`;

  it('declares the redirect URLs in its descriptor', async () => {
    const { body } = await request(stack.served.url).get('/atlassian-connect.json');
    expect(body.capabilities.installable).toMatchObject({
      callbackUrl: `${stack.served.url}/installable`,
      installedUrl: `${stack.served.url}/installable/redirect/installed`,
      updatedUrl: `${stack.served.url}/installable/redirect/updated`,
      uninstalledUrl: `${stack.served.url}/installable/redirect/uninstalled`,
    });
  });

  it('installs: reads installable_url once, stores the installation, and sends the browser to redirect_url', async () => {
    const room = stack.emulator.rooms[0]!;
    const answer = await stack.emulator.redirectInstall({ descriptorUrl: stack.descriptorUrl, roomId: room.id });
    expect(answer).toMatchObject({ status: 303, location: done() });
    await expect(stack.store.fetchInstallation(answer.oauthId)).resolves.toMatchObject({
      oauthId: answer.oauthId, groupId: stack.emulator.group.id, roomId: room.id, capabilitiesUrl: stack.emulator.capabilitiesUrl,
    });

    const tickets = fetched.filter((url) => url.startsWith(`${stack.emulator.url}/emulator/installable/`));
    expect(tickets).toHaveLength(1);
    // One-time: whoever finds the URL later (browser history, a log) gets nothing, least of all the secret.
    const replay = await fetch(tickets[0]!);
    expect(replay.status).toBe(404);

    // Installed for real: the host's webhooks reach the add-on and verify.
    const delivery = await stack.emulator.sendWebhook({ oauthId: answer.oauthId, event: 'room_message', item: { message: { message: '/weather Bergen' } } });
    expect(delivery.status).toBe(200);
  });

  it('uninstalls: purges every key and sends the browser to redirect_url', async () => {
    const { oauthId } = await stack.emulator.redirectInstall({ descriptorUrl: stack.descriptorUrl });
    await stack.store.setValue(oauthId, 'settings', '{"units":"metric"}');
    await expect(stack.addon.installation(oauthId)).resolves.toBeDefined();

    const answer = await stack.emulator.redirectUninstall(oauthId);
    expect(answer).toMatchObject({ oauthId, status: 303, location: done() });
    expect(await keysOf(redis.redis, redis.prefix, oauthId)).toEqual([]);
    await expect(stack.addon.installation(oauthId)).resolves.toBeUndefined();
  });

  it('reports a refused install as the browser would see it, and the host keeps no client for it', async () => {
    failInstall = true;
    const answer = await stack.emulator.redirectInstall({ descriptorUrl: stack.descriptorUrl });
    expect(answer).toMatchObject({ status: 500, location: undefined, body: { error: { code: 'LIFECYCLE_HANDLER_FAILED' } } });
    expect(stack.emulator.log.installs.at(-1)).toMatchObject({ oauthId: answer.oauthId, status: 500, accepted: false });
    expect(await keysOf(redis.redis, redis.prefix, answer.oauthId)).toEqual([]);
    await expect(stack.emulator.sendWebhook({ oauthId: answer.oauthId, event: 'room_enter' })).rejects.toMatchObject({ code: 'INSTALLATION_NOT_FOUND' });
  });

  it('accepts the flow from the one host it allows', async () => {
    await expect(stack.emulator.redirectInstall({ descriptorUrl: strict.descriptorUrl })).resolves.toMatchObject({ status: 303, location: done() });
  });

  const refusals = (['installed', 'uninstalled'] as const).flatMap((kind) => [
    [kind, 'installable_url', () => ({ installable_url: `${trap.url}/installable`, redirect_url: done() })],
    [kind, 'redirect_url', () => ({ installable_url: `${stack.emulator.url}/emulator/installable/unused`, redirect_url: `${trap.url}/phishing` })],
  ] as const);
  it.each(refusals)('refuses a %s flow whose %s is outside the allowed hosts, before any request', async (kind, _which, query) => {
    const response = await request(strict.served.url).get(`/installable/redirect/${kind}`).query(query());
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('HOST_NOT_ALLOWED');
    expect(response.headers.location).toBeUndefined();
    expect(trap.hits).toBe(0);
  });
});
