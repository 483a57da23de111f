import { isConnectError, type Scope } from 'hipchat-connect';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';
import { startClientFixture, type ClientFixture } from './fixture';
import { runSenders } from './senders';

/**
 * Access tokens (docs/protocol.md#access-tokens) against the emulator: its token endpoint issues them and its
 * REST API takes them, with the installations in a shared Redis. One token per installation and scope set
 * however many callers and processes ask, counted on the emulator, and the right thing when the API or the
 * token endpoint says no.
 */
expectNoUnhandledRejections();
let fixture: ClientFixture;

beforeEach(async () => {
  // One installation per room; limits high enough for a thousand notifications, which is not what this file tests.
  fixture = await startClientFixture({ installs: [1, 2], emulator: { rateLimit: { limit: 10_000 }, floodControl: { limit: 10_000 } } });
});
afterEach(() => fixture.close());

const ALL: Scope[] = ['send_notification', 'view_room'];
const NARROW: Scope[] = ['send_notification'];

/** Tasks for sender processes that share `count` notifications between them. */
const tasksFor = (processes: number, count: number, scopeSets: Scope[][] = [ALL]) =>
  Array.from({ length: processes }, (_, index) => ({
    redisUrl: process.env.REDIS_URL!, prefix: fixture.redis.prefix, installations: fixture.installations, scopeSets,
    count: Math.floor(count / processes) + (index < count % processes ? 1 : 0),
  }));

/** Each token request as `oauthId scope`, sorted. */
const requested = () => fixture.tokenRequests().map((request) => `${request.oauthId} ${request.scope}`).sort();
const expected = (scopeSets: Scope[][]) =>
  fixture.installations.flatMap(({ oauthId }) => scopeSets.map((scopes) => `${oauthId} ${scopes.join(' ')}`)).sort();

describe('token single-flight', () => {
  it('1,000 concurrent notifications from 3 processes sharing Redis cause one token request per installation and scope set', async () => {
    const reports = await runSenders(tasksFor(3, 1000, [ALL, NARROW]));

    expect(reports).toEqual([{ sent: 334, failures: [] }, { sent: 333, failures: [] }, { sent: 333, failures: [] }]);
    // Counted on the emulator: every notification is in its room, and it issued exactly these tokens.
    const posted = fixture.installations.flatMap((installation) => fixture.stack.emulator.history(installation.roomId!));
    expect(posted).toHaveLength(1000);
    expect(requested()).toEqual(expected([ALL, NARROW]));
    expect(fixture.tokenRequests().every((request) => request.status === 200)).toBe(true);
  }, 120_000);

  it('fetches one token per scope set in one process', async () => {
    const client = fixture.client();
    const narrow = client.withScopes(NARROW);
    await Promise.all([...Array(50)].flatMap(() => [client.rooms.notify(1, 'all scopes'), narrow.rooms.notify(1, 'one scope')]));

    expect(fixture.stack.emulator.history(1)).toHaveLength(100);
    expect(requested()).toEqual(expected([ALL, NARROW]).filter((line) => line.startsWith(fixture.installations[0]!.oauthId)));
  });

  it('keeps a cached token for a new client in another process', async () => {
    await fixture.client().rooms.notify(1, 'first');
    expect(fixture.tokenRequests()).toHaveLength(1);

    expect(await runSenders(tasksFor(1, 10).map((task) => ({ ...task, installations: [fixture.installations[0]!] }))))
      .toEqual([{ sent: 10, failures: [] }]);
    expect(fixture.tokenRequests()).toHaveLength(1);
    expect(fixture.stack.emulator.history(1)).toHaveLength(11);
  });
});

describe('a refused token', () => {
  it('is dropped after a 401 and fetched again once', async () => {
    const client = fixture.client();
    await client.rooms.notify(1, 'before');
    const [first] = fixture.stack.emulator.log.tokensIssued.slice(-1);
    await fetch(`${fixture.stack.emulator.apiUrl}/oauth/token/${first!.token}`, { method: 'DELETE' });

    await client.rooms.notify(1, 'after revocation');
    expect(fixture.tokenRequests()).toHaveLength(2);
    expect(fixture.stack.emulator.log.apiRefusals.map(({ status, code }) => [status, code])).toEqual([[401, 'TOKEN_INVALID']]);
    expect(fixture.stack.emulator.history(1).map((message) => message.message)).toEqual(['before', 'after revocation']);
  });

  it('ends in HIPCHAT_ACCESS_DENIED when the fresh token is refused too, after one refetch', async () => {
    // A token without send_notification: the emulator answers 401, as HipChat documented for a missing scope.
    const failure = await fixture.client().withScopes(['view_room']).rooms.notify(1, 'refused').catch((error: unknown) => error);

    expect(isConnectError(failure, 'HIPCHAT_ACCESS_DENIED')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ status: 401, error: { code: 401, type: 'Unauthorized' } });
    expect(fixture.stack.emulator.log.apiRefusals.map(({ code }) => code)).toEqual(['SCOPE_MISSING', 'SCOPE_MISSING']);
    expect(fixture.tokenRequests()).toHaveLength(2);
  });

  it('becomes INSTALLATION_GONE when the token endpoint no longer knows the installation', async () => {
    fixture.stack.emulator.rotateSecret(fixture.installations[0]!.oauthId);
    const failure = await fixture.client().rooms.notify(1, 'gone').catch((error: unknown) => error);

    expect(isConnectError(failure, 'INSTALLATION_GONE')).toBe(true);
    expect(fixture.stack.emulator.history(1)).toHaveLength(0);
    expect(fixture.tokenRequests()).toEqual([expect.objectContaining({ status: 401, error: 'invalid_client' })]);
  });

  it('is HIPCHAT_TOKEN_REFUSED when the descriptor did not declare the scopes', async () => {
    const client = fixture.client(undefined, { scopes: ['admin_room'] });
    const failure = await client.rooms.setTopic(1, 'x').catch((error: unknown) => error);
    expect(isConnectError(failure, 'HIPCHAT_TOKEN_REFUSED')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ status: 400, error: 'invalid_scope' });
  });
});
