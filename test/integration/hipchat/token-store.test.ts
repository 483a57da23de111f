import Redis from 'ioredis';
import { createInstallationClient } from '../../../lib/hipchat';
import { isConnectError } from '../../../lib/errors';
import { silentLogger } from '../../../lib/logger';
import { RedisStore } from '../../../lib/stores/redis';
import { startApiServer, type ApiServer } from '../../support/api-server';
import { startOwnRedis, type OwnRedis } from '../../support/redis';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';
import { quietOptions, startClientFixture, type ClientFixture } from './fixture';

/** The store behind tokens failing in the two ways it can: gone altogether, or a lock holder gone quiet. */
expectNoUnhandledRejections();
let fixture: ClientFixture;

beforeAll(async () => {
  fixture = await startClientFixture();
});
afterAll(() => fixture.close());

describe('a store that is down while a token is needed', () => {
  let own: OwnRedis;
  let redis: Redis;

  beforeAll(async () => {
    own = await startOwnRedis();
    redis = new Redis(own.url, { maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined); // the outage is the point
  });
  afterAll(async () => {
    redis.disconnect();
    await own.kill();
  });

  it('fails with STORE_UNAVAILABLE, sends nothing, and works again once the store is back', async () => {
    const store = new RedisStore(redis, { logger: silentLogger, operationTimeoutMs: 500 });
    const client = createInstallationClient(fixture.installations[0]!, quietOptions(store));
    await own.stop();

    const failure = await client.rooms.notify(1, 'while Redis is down').catch((error: unknown) => error);
    expect(isConnectError(failure, 'STORE_UNAVAILABLE')).toBe(true);
    expect(fixture.tokenRequests()).toHaveLength(0);
    expect(fixture.api.requests).toHaveLength(0);

    await own.start();
    await waitFor(() => redis.status === 'ready');
    await client.rooms.notify(1, 'after');
    expect(fixture.tokenRequests()).toHaveLength(1);
    expect(fixture.api.requests).toHaveLength(1);
  });
});

describe('a lock holder that never finishes', () => {
  let hanging: ApiServer;

  beforeAll(async () => {
    hanging = await startApiServer(() => undefined); // takes token requests and never answers
  });
  afterAll(() => hanging.close());

  it('loses the lock when it expires, and another process fetches the token', async () => {
    const installation = fixture.installations[0]!;
    const before = fixture.tokenRequests().length;
    const stuckStore = new RedisStore(fixture.redis.redis, { prefix: fixture.redis.prefix, logger: silentLogger });
    const stuck = createInstallationClient({ ...installation, tokenUrl: `${hanging.apiUrl}/oauth/token` },
      quietOptions(stuckStore, { tokens: { lockTtlMs: 400 }, timeoutMs: 1500, retry: { maxAttempts: 1 } }));
    const stuckSend = stuck.rooms.notify(1, 'never sent').catch((error: unknown) => error);
    await waitFor(() => hanging.requests.length === 1); // it holds the lock now

    // Another process: its own store object over the same Redis, so nothing is shared in memory.
    const otherStore = new RedisStore(fixture.redis.redis, { prefix: fixture.redis.prefix, logger: silentLogger });
    const started = Date.now();
    await createInstallationClient(installation, quietOptions(otherStore, { tokens: { lockTtlMs: 400 } })).rooms.notify(1, 'sent');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(fixture.tokenRequests()).toHaveLength(before + 1);

    expect(isConnectError(await stuckSend, 'HIPCHAT_TIMEOUT')).toBe(true);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
