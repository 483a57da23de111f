import request from 'supertest';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { keysOf, redisStore, startStack, type Stack } from '../../support/stack';
import { startTrap } from '../../support/trap';

describe.each(['mounted', 'standalone'] as const)('installation lifecycle against the emulator, on Redis, %s', (serving) => {
  let redis: TestRedis;
  let stack: Stack;

  beforeAll(async () => {
    redis = connectTestRedis();
    stack = await startStack({ store: redisStore(redis.redis, redis.prefix) }, { serving });
  });
  afterAll(async () => {
    await stack.close();
    await redis.cleanup();
  });

  it('installs into a room and stores the proven credentials', async () => {
    const room = stack.emulator.rooms[0]!;
    const installed = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: room.id });
    const stored = await stack.store.fetchInstallation(installed.oauthId);
    expect(stored).toMatchObject({
      oauthId: installed.oauthId,
      oauthSecret: installed.oauthSecret,
      groupId: stack.emulator.group.id,
      groupName: stack.emulator.group.name,
      roomId: room.id,
      capabilitiesUrl: stack.emulator.capabilitiesUrl,
      apiUrl: stack.emulator.apiUrl,
    });
  });

  it('installs globally, without a room', async () => {
    const installed = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    const stored = await stack.store.fetchInstallation(installed.oauthId);
    expect(stored?.roomId).toBeUndefined();
    expect(stored?.groupId).toBe(stack.emulator.group.id);
  });

  it.each(['header', 'header-token', 'query'] as const)('delivers a signed webhook (%s) to its handler and returns its reply', async (tokenForm) => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: stack.emulator.rooms[0]!.id });
    const delivery = await stack.emulator.sendWebhook({ oauthId, event: 'room_message', item: { message: { message: '/weather Paris' } }, tokenForm });
    expect(delivery.status).toBe(200);
    expect(delivery.body).toEqual({ message: 'Sunny in Paris, 21°', color: 'green', message_format: 'text' });
  });

  it('uninstalls when the host no longer knows the client, purging every key at once', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: stack.emulator.rooms[0]!.id });
    await stack.store.setValue(oauthId, 'settings', '{"units":"metric"}');
    await stack.store.setValue(oauthId, 'token:send_notification', 'cached', { ttlMs: 60_000 });
    expect((await keysOf(redis.redis, redis.prefix, oauthId)).length).toBeGreaterThan(0);
    // Warm this process's cache, so the test shows the uninstall takes effect here at once.
    await expect(stack.addon.installation(oauthId)).resolves.toBeDefined();

    const answer = await stack.emulator.uninstall(oauthId);
    expect(answer.status).toBe(204);
    expect(await keysOf(redis.redis, redis.prefix, oauthId)).toEqual([]);
    await expect(stack.addon.installation(oauthId)).resolves.toBeUndefined();
  });

  it('refuses a spoofed DELETE while the host still issues tokens, and keeps the installation', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    const response = await request(stack.served.url).delete(`/installable/${oauthId}`);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('UNINSTALL_REFUSED');
    await expect(stack.store.fetchInstallation(oauthId)).resolves.toBeDefined();
  });

  it('answers 404 to a DELETE for an unknown oauthId', async () => {
    const response = await request(stack.served.url).delete('/installable/no-such-installation');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('INSTALLATION_NOT_FOUND');
  });

  it('refuses a re-install of a known oauthId with another secret', async () => {
    const installed = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    stack.emulator.rotateSecret(installed.oauthId);
    await expect(stack.emulator.update(installed.oauthId)).rejects.toMatchObject({ details: { status: 409 } });
    const stored = await stack.store.fetchInstallation(installed.oauthId);
    expect(stored?.oauthSecret).toBe(installed.oauthSecret);
  });

  it('accepts an update with the same credentials, keeping installedAt', async () => {
    const installed = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    const before = await stack.store.fetchInstallation(installed.oauthId);
    await stack.emulator.update(installed.oauthId);
    const after = await stack.store.fetchInstallation(installed.oauthId);
    expect(after?.installedAt).toBe(before?.installedAt);
    expect(after?.updatedAt).toBeDefined();
  });

  it('refuses a capabilities URL outside the allowlist without sending it any request', async () => {
    const trap = await startTrap();
    const strict = await startStack({ store: redisStore(redis.redis, `${redis.prefix}strict:`), allowedHosts: [stack.emulator.url] });
    try {
      const response = await request(strict.served.url).post('/installable').send({
        capabilitiesUrl: `${trap.url}/v2/capabilities`, oauthId: 'attacker', oauthSecret: 'x'.repeat(40), groupId: 1,
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('HOST_NOT_ALLOWED');
      expect(trap.hits).toBe(0);
      await expect(strict.store.fetchInstallation('attacker')).resolves.toBeUndefined();
    } finally {
      await strict.close();
      await trap.close();
    }
  });
});
