import type { Cluster, Redis } from 'ioredis';
import { RedisStore, silentLogger, type Addon, type AddonOptions } from 'hipchat-connect';
import { startEmulator, type Emulator, type EmulatorOptions } from 'hipchat-connect/emulator';
import { createWeatherAddon } from '../../lib/demo/weather';
import { serveAddon, serveStandalone, type Served } from './serve';

/** How the add-on is served: mounted in an Express app, or as a server of its own (`addon.listen`). */
export type Serving = 'mounted' | 'standalone';

export interface StackSetup<E extends Emulator> {
  serving?: Serving;
  /** The emulator's options: its limits, say. Its logger is silent unless given. */
  emulator?: EmulatorOptions;
  /** How the emulator is started: `startCheckedEmulator` checks its every exchange against the contract. */
  startEmulator?: (options: EmulatorOptions) => Promise<E>;
}

export interface Stack<E extends Emulator = Emulator> {
  emulator: E;
  addon: Addon;
  served: Served;
  store: RedisStore;
  descriptorUrl: string;
  close(): Promise<void>;
}

/**
 * The example add-on on a RedisStore, served over real HTTP, and an emulator to install it: the
 * arrangement most integration tests start from.
 */
export async function startStack<E extends Emulator = Emulator>(
  redis: Redis | Cluster, prefix: string, overrides: Partial<AddonOptions> = {}, setup: StackSetup<E> = {},
): Promise<Stack<E>> {
  const { serving = 'mounted', startEmulator: start = startEmulator as (options: EmulatorOptions) => Promise<E> } = setup;
  const emulator = await start({ logger: silentLogger, ...setup.emulator });
  const store = new RedisStore(redis, { prefix, logger: silentLogger });
  const addon = createWeatherAddon({ store, logger: silentLogger, development: true, ...overrides });
  const served = await (serving === 'mounted' ? serveAddon(addon) : serveStandalone(addon));
  return {
    emulator, addon, served, store,
    descriptorUrl: `${served.url}/atlassian-connect.json`,
    async close() {
      await served.close();
      await addon.close();
      await store.close();
      await emulator.close();
    },
  };
}

/** Every key under the test's prefix that belongs to one installation. */
export async function keysOf(redis: Redis, prefix: string, oauthId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}*${oauthId}*`, count: 500 }) as AsyncIterable<string[]>) keys.push(...batch);
  return keys;
}
