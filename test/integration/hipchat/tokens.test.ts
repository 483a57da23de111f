import { isConnectError } from '../../../lib/errors';
import { json } from '../../support/api-server';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';
import { startClientFixture, type ClientFixture } from './fixture';
import { runSenders } from './senders';

/**
 * Access tokens (protocol section 5) against the emulator's real token endpoint, with the installations
 * in a shared Redis: one token per installation and scope set however many callers and processes ask,
 * and the right thing when the API or the token endpoint says no.
 */
expectNoUnhandledRejections();
let fixture: ClientFixture;

beforeEach(async () => {
  fixture = await startClientFixture([1, 2]);
  // The test server accepts a notification only with a token the emulator issued and still knows.
  fixture.api.answer = (request, response) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (token && fixture.stack.emulator.lookupToken(token)) return void response.writeHead(204).end();
    json(response, 401, { error: { code: 401, type: 'Unauthorized', message: 'Invalid OAuth session' } });
  };
});
afterEach(() => fixture.close());

/** Tasks for sender processes that share `count` notifications between them. */
const tasksFor = (fixture: ClientFixture, processes: number, count: number) =>
  Array.from({ length: processes }, (_, index) => ({
    redisUrl: process.env.REDIS_URL!, prefix: fixture.redis.prefix, installations: fixture.installations, scopes: [...fixture.stack.addon.options.scopes],
    count: Math.floor(count / processes) + (index < count % processes ? 1 : 0),
  }));

describe('token single-flight', () => {
  it('1,000 concurrent sends from 3 processes sharing Redis cause one token request per installation', async () => {
    const reports = await runSenders(tasksFor(fixture, 3, 1000));

    expect(reports).toEqual([{ sent: 334, failures: [] }, { sent: 333, failures: [] }, { sent: 333, failures: [] }]);
    expect(fixture.api.requests).toHaveLength(1000);
    const requested = fixture.tokenRequests().map((request) => request.oauthId).sort();
    expect(requested).toEqual(fixture.installations.map((installation) => installation.oauthId).sort());
    // Every process used the one token of each installation.
    expect(new Set(fixture.api.requests.map((request) => request.headers.authorization)).size).toBe(2);
  }, 120_000);

  it('fetches one token per scope set', async () => {
    const client = fixture.client();
    const narrow = client.withScopes(['send_notification']);
    await Promise.all([...Array(50)].flatMap(() => [client.rooms.notify(1, 'all scopes'), narrow.rooms.notify(1, 'one scope')]));

    expect(fixture.tokenRequests().map((request) => request.scope).sort()).toEqual(['send_notification', 'send_notification view_room']);
  });

  it('keeps a cached token for a new client in another process', async () => {
    await fixture.client().rooms.notify(1, 'first');
    expect(fixture.tokenRequests()).toHaveLength(1);

    expect(await runSenders(tasksFor(fixture, 1, 10).map((task) => ({ ...task, installations: [fixture.installations[0]!] }))))
      .toEqual([{ sent: 10, failures: [] }]);
    expect(fixture.tokenRequests()).toHaveLength(1);
  });
});

describe('a refused token', () => {
  it('is dropped after a 401 and fetched again once', async () => {
    const client = fixture.client();
    await client.rooms.notify(1, 'before');
    const [first] = fixture.api.requests.map((request) => request.headers.authorization);
    expect(fixture.stack.emulator.lookupToken(first!.slice('Bearer '.length))).toBeDefined();
    await fetch(`${fixture.stack.emulator.apiUrl}/oauth/token/${first!.slice('Bearer '.length)}`, { method: 'DELETE' });

    await client.rooms.notify(1, 'after revocation');
    expect(fixture.tokenRequests()).toHaveLength(2);
    const authorizations = fixture.api.requests.map((request) => request.headers.authorization);
    expect(authorizations).toEqual([first, first, expect.not.stringMatching(first!)]);
  });

  it('ends in HIPCHAT_ACCESS_DENIED when the fresh token is refused too, after one refetch', async () => {
    fixture.api.answer = (_request, response) => json(response, 401, { error: { code: 401, type: 'Unauthorized', message: 'Missing scope' } });
    const failure = await fixture.client().rooms.notify(1, 'refused').catch((error: unknown) => error);

    expect(isConnectError(failure, 'HIPCHAT_ACCESS_DENIED')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ status: 401, error: { message: 'Missing scope' } });
    expect(fixture.api.requests).toHaveLength(2);
    expect(fixture.tokenRequests()).toHaveLength(2);
  });

  it('becomes INSTALLATION_GONE when the token endpoint no longer knows the installation', async () => {
    fixture.stack.emulator.rotateSecret(fixture.installations[0]!.oauthId);
    const failure = await fixture.client().rooms.notify(1, 'gone').catch((error: unknown) => error);

    expect(isConnectError(failure, 'INSTALLATION_GONE')).toBe(true);
    expect(fixture.api.requests).toHaveLength(0);
    expect(fixture.tokenRequests()).toHaveLength(1);
  });

  it('is HIPCHAT_TOKEN_REFUSED when the descriptor did not declare the scopes', async () => {
    const client = fixture.client(undefined, { scopes: ['admin_room'] });
    const failure = await client.rooms.setTopic(1, 'x').catch((error: unknown) => error);
    expect(isConnectError(failure, 'HIPCHAT_TOKEN_REFUSED')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ status: 400, error: 'invalid_scope' });
  });
});
