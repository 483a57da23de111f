import { setTimeout as delay } from 'node:timers/promises';
import type { LifecycleEventName } from 'hipchat-connect';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { keysOf, redisStore, startStack, type Stack } from '../../support/stack';

/** `addon.on(...)` listeners as the emulator's installs, updates and uninstalls drive them. */
describe('lifecycle listeners', () => {
  let redis: TestRedis;
  let stack: Stack;
  /** What the listeners did, in the order they finished. */
  let heard: string[];
  /** Which event's second listener throws next (listeners cannot be removed, so they are steered). */
  let failing: LifecycleEventName | undefined;

  beforeAll(async () => {
    redis = connectTestRedis();
    stack = await startStack({ store: redisStore(redis.redis, redis.prefix) });
    for (const name of ['installed', 'updated', 'uninstalled'] as const) {
      // The first listener is the slowest: had they run concurrently, the order would come out reversed.
      stack.addon.on(name, async ({ installation }) => {
        await delay(40);
        // By the time a listener runs, the record is written (or, for uninstalled, gone).
        const stored = await stack.store.fetchInstallation(installation.oauthId);
        heard.push(`${name}:1:${stored ? 'stored' : 'absent'}`);
      });
      stack.addon.on(name, async () => {
        await delay(10);
        if (failing === name) throw new Error(`${name} listener failed`);
        heard.push(`${name}:2`);
      });
      stack.addon.on(name, () => {
        heard.push(`${name}:3`);
      });
    }
  });
  afterAll(async () => {
    await stack.close();
    await redis.cleanup();
  });
  beforeEach(() => {
    heard = [];
    failing = undefined;
  });

  it('awaits installed listeners in registration order before the host hears of success', async () => {
    await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    expect(heard).toEqual(['installed:1:stored', 'installed:2', 'installed:3']);
  });

  it('awaits updated listeners in order, with the previous record', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    const previous = await stack.store.fetchInstallation(oauthId);
    const seen: unknown[] = [];
    stack.addon.on('updated', (event) => {
      if (event.installation.oauthId === oauthId) seen.push(event.previous);
    });
    heard = [];
    await stack.emulator.update(oauthId);
    expect(heard).toEqual(['updated:1:stored', 'updated:2', 'updated:3']);
    expect(seen).toEqual([previous]);
  });

  it('awaits uninstalled listeners in order, after the purge', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    heard = [];
    expect((await stack.emulator.uninstall(oauthId)).status).toBe(204);
    expect(heard).toEqual(['uninstalled:1:absent', 'uninstalled:2', 'uninstalled:3']);
  });

  it('fails the install with LIFECYCLE_HANDLER_FAILED when an installed listener throws, storing nothing', async () => {
    failing = 'installed';
    const failure = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl }).then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'LIFECYCLE_HANDLER_FAILED', details: { status: 500, body: { error: { code: 'LIFECYCLE_HANDLER_FAILED' } } } });
    // The listeners after the one that threw never ran.
    expect(heard).toEqual(['installed:1:stored']);
    const { oauthId, accepted } = stack.emulator.log.installs.at(-1)!;
    expect(accepted).toBe(false);
    expect(await keysOf(redis.redis, redis.prefix, oauthId)).toEqual([]);
    await expect(stack.addon.installation(oauthId)).resolves.toBeUndefined();
  });

  it('restores the previous record when an updated listener throws', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    const before = await stack.store.fetchInstallation(oauthId);
    failing = 'updated';
    await expect(stack.emulator.update(oauthId)).rejects.toMatchObject({ details: { status: 500, body: { error: { code: 'LIFECYCLE_HANDLER_FAILED' } } } });
    // A written update would carry an updatedAt; the record is exactly what it was.
    expect(before?.updatedAt).toBeUndefined();
    await expect(stack.store.fetchInstallation(oauthId)).resolves.toEqual(before);
    await expect(stack.addon.installation(oauthId)).resolves.toEqual(before);
  });

  it('still purges when an uninstalled listener throws: the host has already removed the client', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl });
    failing = 'uninstalled';
    expect((await stack.emulator.uninstall(oauthId)).status).toBe(204);
    expect(await keysOf(redis.redis, redis.prefix, oauthId)).toEqual([]);
  });
});
