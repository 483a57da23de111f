import type { ServerResponse } from 'node:http';
import Redis from 'ioredis';
import { createInstallationClient, isConnectError, RedisStore, silentLogger } from 'hipchat-connect';
import { json, startApiServer, type ApiServer } from '../../support/api-server';
import { startOwnRedis, type OwnRedis } from '../../support/redis';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';
import { waitFor } from '../../support/wait-for';
import { quietOptions, startClientFixture, type ClientFixture } from './fixture';

/**
 * Where tokens come from failing: the store gone altogether, a lock holder gone quiet, a token endpoint
 * answering nonsense.
 */
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
    expect(fixture.stack.emulator.history(1)).toHaveLength(0);

    await own.start();
    await waitFor(() => redis.status === 'ready');
    await client.rooms.notify(1, 'after');
    expect(fixture.tokenRequests()).toHaveLength(1);
    expect(fixture.stack.emulator.history(1).map((message) => message.message)).toEqual(['after']);
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
    // The lock cannot be taken before this call, so it cannot expire before 400 ms after it: a bound
    // that a busy machine cannot eat into, as it could one counted from when the test saw the lock taken.
    const calledAt = Date.now();
    const stuckSend = stuck.rooms.notify(1, 'never sent').catch((error: unknown) => error);
    await waitFor(() => hanging.requests.length === 1); // it holds the lock now

    // Another process: its own store object over the same Redis, so nothing is shared in memory.
    const otherStore = new RedisStore(fixture.redis.redis, { prefix: fixture.redis.prefix, logger: silentLogger });
    await createInstallationClient(installation, quietOptions(otherStore, { tokens: { lockTtlMs: 400 } })).rooms.notify(1, 'sent');
    expect(Date.now() - calledAt).toBeGreaterThanOrEqual(400);
    expect(fixture.tokenRequests()).toHaveLength(before + 1);

    expect(isConnectError(await stuckSend, 'HIPCHAT_TIMEOUT')).toBe(true);
  });

  it('makes the others give up with HIPCHAT_TIMEOUT after a lock lifetime of their own', async () => {
    // An oauthId with no token cached yet, so the holder must ask the hanging endpoint.
    const installation = { ...fixture.installations[0]!, oauthId: `held-${Date.now()}`, tokenUrl: `${hanging.apiUrl}/oauth/token` };
    const store = () => new RedisStore(fixture.redis.redis, { prefix: fixture.redis.prefix, logger: silentLogger });
    const holder = createInstallationClient(installation, quietOptions(store(), { tokens: { lockTtlMs: 5000 }, timeoutMs: 1500, retry: { maxAttempts: 1 } }));
    const holding = holder.rooms.notify(1, 'never sent').catch((error: unknown) => error);
    const asked = hanging.requests.length;
    await waitFor(() => hanging.requests.length === asked + 1);

    const started = Date.now();
    const waiter = createInstallationClient(installation, quietOptions(store(), { tokens: { lockTtlMs: 300 } }));
    const failure = await waiter.rooms.notify(1, 'given up').catch((error: unknown) => error);
    expect(isConnectError(failure, 'HIPCHAT_TIMEOUT')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(hanging.requests).toHaveLength(asked + 1); // the waiter never asked for a token itself
    await holding;
  });
});

describe('a token endpoint that misbehaves', () => {
  let tokens: ApiServer;
  const token = { access_token: 'fresh', expires_in: 3600, group_id: 1, scope: 'send_notification', token_type: 'bearer' };

  beforeEach(async () => {
    tokens = await startApiServer();
  });
  afterEach(() => tokens.close());

  // Its tokens are its own, which the emulator would refuse, so the API is the test server too.
  const clientAt = (tokenServer: ApiServer) => createInstallationClient(
    { ...fixture.atTestServer(), oauthId: `misbehaving-${Math.random()}`, tokenUrl: `${tokenServer.apiUrl}/oauth/token` },
    quietOptions(fixture.stack.store, { scopes: ['send_notification'] }),
  );

  it('is asked again after a 503, and its token is used', async () => {
    tokens.answer = (_request, response) => (tokens.requests.length === 1 ? json(response, 503, {}) : json(response, 200, token));
    const sent = fixture.api.requests.length;
    await clientAt(tokens).rooms.notify(1, 'hello');
    expect(tokens.requests).toHaveLength(2);
    expect(tokens.requests[1]!.body).toBe('grant_type=client_credentials&scope=send_notification');
    expect(fixture.api.requests[sent]!.headers.authorization).toBe('Bearer fresh');
  });

  it.each([
    ['not JSON', (response: ServerResponse) => response.writeHead(200, { 'content-type': 'application/json' }).end('<html>')],
    ['JSON without a token', (response: ServerResponse) => json(response, 200, { token_type: 'bearer' })],
    ['a 500 after the retries', (response: ServerResponse) => json(response, 500, {})],
  ])('fails with HIPCHAT_API_ERROR when it answers %s', async (_what, answer) => {
    tokens.answer = (_request, response) => answer(response);
    const failure = await clientAt(tokens).rooms.notify(1, 'hello').catch((error: unknown) => error);
    expect(isConnectError(failure, 'HIPCHAT_API_ERROR')).toBe(true);
  });
});
