import type { Installation } from '../../../lib/core/installation';
import type { Store } from '../../../lib/stores/store';
import { silentLogger } from '../../../lib/logger';
import { createInstallationClient, type InstallationClient, type InstallationClientOptions } from '../../../lib/hipchat';
import { startApiServer, type ApiServer } from '../../support/api-server';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { startStack, type Stack } from '../../support/stack';

/**
 * The arrangement of the REST client's integration tests: the example add-on installed into rooms of a
 * real emulator (so each installation has a real OAuth client at the emulator's token endpoint), its
 * installations kept in Redis, and their `apiUrl` pointed at a small test server standing for the REST
 * API, which the emulator on this branch does not serve yet.
 */
export interface ClientFixture {
  stack: Stack;
  redis: TestRedis;
  api: ApiServer;
  /** One installation per room asked for, with `apiUrl` at the test server. */
  installations: Installation[];
  /** Token requests the emulator received since the installs (whose own token proofs are not counted). */
  tokenRequests(): ReadonlyArray<{ oauthId?: string; scope?: string; status: number }>;
  client(installation?: Installation, options?: Partial<InstallationClientOptions>): InstallationClient;
  close(): Promise<void>;
}

export async function startClientFixture(roomIds: number[] = [1]): Promise<ClientFixture> {
  const redis = connectTestRedis();
  const stack = await startStack(redis.redis, redis.prefix);
  const api = await startApiServer();
  const installations: Installation[] = [];
  for (const roomId of roomIds) {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId });
    const stored = await stack.store.fetchInstallation(oauthId);
    installations.push({ ...stored!, apiUrl: api.apiUrl });
  }
  const baseline = stack.emulator.log.tokenRequests.length;
  return {
    stack, redis, api, installations,
    tokenRequests: () => stack.emulator.log.tokenRequests.slice(baseline),
    // As the add-on makes them: tokens for the scopes its descriptor declares.
    client: (installation = installations[0]!, options = {}) =>
      createInstallationClient(installation, quietOptions(stack.store, { scopes: stack.addon.options.scopes, ...options })),
    async close() {
      await api.close();
      await stack.close();
      await redis.cleanup();
    },
  };
}

/** Client options for tests: silent, quick to give up, over the given store. */
export function quietOptions(store: Store, options: Partial<InstallationClientOptions> = {}): InstallationClientOptions {
  return { store, logger: silentLogger, timeoutMs: 2000, ...options, retry: { baseDelayMs: 10, maxDelayMs: 50, ...options.retry } };
}
