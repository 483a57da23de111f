import type { Cluster, Redis } from 'ioredis';
import { MemoryStore, RedisStore, silentLogger, type Addon, type AddonOptions, type Store } from 'hipchat-connect';
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
  store: Store;
  descriptorUrl: string;
  close(): Promise<void>;
}

/**
 * The example add-on, served over real HTTP, and an emulator to install it: the arrangement most
 * integration tests start from. Its store is a MemoryStore unless `overrides.store` gives one (a suite
 * about Redis passes `redisStore(...)`); the stack closes it either way.
 */
export async function startStack<E extends Emulator = Emulator>(overrides: Partial<AddonOptions> = {}, setup: StackSetup<E> = {}): Promise<Stack<E>> {
  const { serving = 'mounted', startEmulator: start = startEmulator as (options: EmulatorOptions) => Promise<E> } = setup;
  const emulator = await start({ logger: silentLogger, ...setup.emulator });
  const store: Store = overrides.store ?? new MemoryStore();
  const addon = createWeatherAddon({ logger: silentLogger, development: true, ...overrides, store });
  const served = await (serving === 'mounted' ? serveAddon(addon) : serveStandalone(addon));
  return {
    emulator, addon, served, store,
    descriptorUrl: `${served.url}/atlassian-connect.json`,
    async close() {
      await served.close();
      await addon.close();
      await store.close?.();
      await emulator.close();
    },
  };
}

/** A RedisStore under the test's own key prefix, for a stack whose suite is about Redis. */
export function redisStore(redis: Redis | Cluster, prefix: string): RedisStore {
  return new RedisStore(redis, { prefix, logger: silentLogger });
}

/** Every key under the test's prefix that belongs to one installation. */
export async function keysOf(redis: Redis, prefix: string, oauthId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}*${oauthId}*`, count: 500 }) as AsyncIterable<string[]>) keys.push(...batch);
  return keys;
}
