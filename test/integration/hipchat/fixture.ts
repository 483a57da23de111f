import { createInstallationClient, silentLogger, type Addon, type Installation, type InstallationClient, type InstallationClientOptions, type Scope, type Store } from 'hipchat-connect';
import type { EmulatorOptions } from 'hipchat-connect/emulator';
import { startApiServer, type ApiServer } from '../../support/api-server';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { redisStore, startStack, type Stack } from '../../support/stack';

export interface ClientFixtureSetup {
  /** One installation per entry: a room id, or `group` for the whole group. Default: room 1. */
  installs?: Array<number | 'group'>;
  /** The scopes the example add-on declares, and so those of its tokens. Default: its own two. */
  scopes?: Scope[];
  emulator?: EmulatorOptions;
  /** Modules to declare on the example add-on before it is installed. */
  declare?(addon: Addon): void;
}

/**
 * The arrangement of the REST client's integration tests: the example add-on, its installations kept in
 * Redis, installed into a checked emulator, whose REST API the clients call and whose every exchange is
 * checked against the OpenAPI contract. A test server stands by for the hosts that misbehave on purpose.
 */
export interface ClientFixture {
  stack: Stack<CheckedEmulator>;
  redis: TestRedis;
  /** A test server standing for a host that misbehaves on purpose (its requests are checked too). */
  api: ApiServer;
  /** As the add-on stored them, in the order of `installs`. */
  installations: Installation[];
  /** The installation with its API at the test server: its tokens still come from the emulator. */
  atTestServer(installation?: Installation): Installation;
  /** Token requests the emulator received since the installs (whose own token proofs are not counted). */
  tokenRequests(): ReadonlyArray<{ oauthId?: string; scope?: string; status: number }>;
  client(installation?: Installation, options?: Partial<InstallationClientOptions>): InstallationClient;
  /** Asserts the contract on the emulator and on the test server. */
  assertContract(): void;
  close(): Promise<void>;
}

export async function startClientFixture(setup: ClientFixtureSetup = {}): Promise<ClientFixture> {
  const redis = connectTestRedis();
  const overrides = setup.scopes ? { scopes: setup.scopes } : {};
  const stack = await startStack({ ...overrides, store: redisStore(redis.redis, redis.prefix) }, { startEmulator: startCheckedEmulator, emulator: setup.emulator });
  const api = await startApiServer();
  const installations: Installation[] = [];
  try {
    setup.declare?.(stack.addon);
    for (const target of setup.installs ?? [1]) {
      const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: target === 'group' ? undefined : target });
      installations.push((await stack.store.fetchInstallation(oauthId))!);
    }
  } catch (error) {
    // Left open, the servers and connections would keep jest from ending after the failure.
    await Promise.allSettled([api.close(), stack.close(), redis.cleanup()]);
    throw error;
  }
  const baseline = stack.emulator.log.tokenRequests.length;
  const fixture: ClientFixture = {
    stack, redis, api, installations,
    atTestServer: (installation = installations[0]!) => ({ ...installation, apiUrl: api.apiUrl }),
    tokenRequests: () => stack.emulator.log.tokenRequests.slice(baseline),
    // As the add-on makes them: tokens for the scopes its descriptor declares.
    client: (installation = installations[0]!, options = {}) =>
      createInstallationClient(installation, quietOptions(stack.store, { scopes: stack.addon.options.scopes, ...options })),
    assertContract() {
      stack.emulator.assertContract();
      api.assertContract();
    },
    async close() {
      try {
        fixture.assertContract();
      } finally {
        await api.close();
        await stack.close();
        await redis.cleanup();
      }
    },
  };
  return fixture;
}

/** Client options for tests: silent, quick to give up, over the given store. */
export function quietOptions(store: Store, options: Partial<InstallationClientOptions> = {}): InstallationClientOptions {
  return { store, logger: silentLogger, timeoutMs: 2000, ...options, retry: { baseDelayMs: 10, maxDelayMs: 50, ...options.retry } };
}
