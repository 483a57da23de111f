import { createTokenClient, isConnectError, silentLogger, type TokenClientOptions } from 'hipchat-connect';
import { json, startApiServer, type ApiServer } from '../../support/api-server';
import { freeLoopbackPort } from '../../support/redis';
import { failureOf } from '../../support/failure';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';

/**
 * Hosts that misbehave on purpose, over real HTTP: 429s with each kind of header, failing and hanging
 * hosts. The client waits what the host advertised, gives up after bounded retries with a coded error,
 * and leaves no promise unhandled. The emulator's own limits are met in rate-limits.test.ts.
 */
expectNoUnhandledRejections();
let api: ApiServer;

beforeEach(async () => {
  api = await startApiServer();
});
afterEach(() => api.close());

function client(options: Partial<TokenClientOptions> = {}) {
  return createTokenClient({ apiUrl: api.apiUrl, token: 'room-token', logger: silentLogger, ...options, retry: { baseDelayMs: 20, maxDelayMs: 80, ...options.retry } });
}

/** Answers the first request with `first`, every later one with 204. */
function onceThen(first: (response: import('node:http').ServerResponse) => void) {
  api.answer = (_request, response) => (api.requests.length === 1 ? first(response) : response.writeHead(204).end());
}

const unixSeconds = (ms: number) => Math.ceil(ms / 1000);

describe('429 answers', () => {
  it.each(['X-Ratelimit-Reset', 'X-FloodControl-Reset'])('waits until the %s the host advertised, then succeeds', async (header) => {
    let resetAt = 0;
    onceThen((response) => {
      resetAt = (unixSeconds(Date.now()) + 1) * 1000;
      json(response, 429, { error: { code: 429, type: 'Too Many Requests', message: 'Slow down' } }, { [header]: String(resetAt / 1000) });
    });
    await client().rooms.notify(1, 'hello');

    expect(api.requests).toHaveLength(2);
    expect(api.requests[1]!.at).toBeGreaterThanOrEqual(resetAt);
  });

  it('waits the Retry-After seconds, then succeeds', async () => {
    onceThen((response) => json(response, 429, {}, { 'Retry-After': '1' }));
    await client().rooms.notify(1, 'hello');
    expect(api.requests[1]!.at - api.requests[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('does not wait for a reset further off than maxWaitMs: HIPCHAT_RATE_LIMITED at once, saying when', async () => {
    const resetSeconds = unixSeconds(Date.now()) + 300;
    api.answer = (_request, response) => json(response, 429, {}, { 'X-Ratelimit-Reset': String(resetSeconds) });
    const failure = await failureOf(client({ retry: { maxWaitMs: 5000 } }).rooms.notify(1, 'hello'));

    expect(isConnectError(failure, 'HIPCHAT_RATE_LIMITED')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ status: 429, retryAt: new Date(resetSeconds * 1000).toISOString() });
    expect(api.requests).toHaveLength(1);
  });

  it('gives up with HIPCHAT_RATE_LIMITED after maxAttempts', async () => {
    api.answer = (_request, response) => json(response, 429, {}, { 'X-Ratelimit-Reset': String(unixSeconds(Date.now()) - 1) });
    const failure = await failureOf(client({ retry: { maxAttempts: 3 } }).rooms.notify(1, 'hello'));
    expect(isConnectError(failure, 'HIPCHAT_RATE_LIMITED')).toBe(true);
    expect(api.requests).toHaveLength(3);
  });
});

describe('a host that keeps failing', () => {
  it('retries a read on 500 with growing waits, then fails with HIPCHAT_API_ERROR', async () => {
    api.answer = (_request, response) => json(response, 500, { error: { code: 500, type: 'Internal Server Error', message: 'Oops' } });
    const failure = await failureOf(client({ retry: { maxAttempts: 4 } }).rooms.get(1));

    expect(isConnectError(failure, 'HIPCHAT_API_ERROR')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ status: 500, attempts: 4, error: { message: 'Oops' } });
    expect(api.requests).toHaveLength(4);
    const gaps = api.requests.slice(1).map((request, index) => request.at - api.requests[index]!.at);
    gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual((20 * 2 ** index) / 2));
  });

  it('retries a notification on 503, which says nothing was done', async () => {
    api.answer = (_request, response) => json(response, 503, {});
    const failure = await failureOf(client({ retry: { maxAttempts: 3 } }).rooms.notify(1, 'hello'));
    expect(isConnectError(failure, 'HIPCHAT_API_ERROR')).toBe(true);
    expect(api.requests).toHaveLength(3);
  });

  it('does not send a notification twice after a 500, which may have posted it', async () => {
    api.answer = (_request, response) => json(response, 500, {});
    const failure = await failureOf(client().rooms.notify(1, 'hello'));
    expect(isConnectError(failure, 'HIPCHAT_API_ERROR')).toBe(true);
    expect(api.requests).toHaveLength(1);
  });

  it('ends in HIPCHAT_UNREACHABLE when nothing listens, retrying even a notification (it was never sent)', async () => {
    const closedPort = await freeLoopbackPort();
    const started = Date.now();
    const failure = await failureOf(client({ apiUrl: `http://127.0.0.1:${closedPort}/v2`, retry: { maxAttempts: 3 } }).rooms.notify(1, 'hello'));
    expect(isConnectError(failure, 'HIPCHAT_UNREACHABLE')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ attempts: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 / 2 + 40 / 2);
  });

  it('refuses a success whose body is not JSON with HIPCHAT_API_ERROR', async () => {
    api.answer = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [');
    expect(isConnectError(await failureOf(client().rooms.get(1)), 'HIPCHAT_API_ERROR')).toBe(true);
  });
});

describe('a host that hangs', () => {
  beforeEach(() => {
    api.answer = () => undefined;
  });

  it('times out every attempt of a read, then fails with HIPCHAT_TIMEOUT', async () => {
    const started = Date.now();
    const failure = await failureOf(client({ timeoutMs: 200, retry: { maxAttempts: 2 } }).users.get(1));
    expect(isConnectError(failure, 'HIPCHAT_TIMEOUT')).toBe(true);
    expect(api.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('times out a notification once and does not send it again', async () => {
    const failure = await failureOf(client({ timeoutMs: 200 }).rooms.notify(1, 'hello'));
    expect(isConnectError(failure, 'HIPCHAT_TIMEOUT')).toBe(true);
    expect(api.requests).toHaveLength(1);
  });

  it('times out a host that sends headers and then stalls the body', async () => {
    api.answer = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"items": [');
    };
    expect(isConnectError(await failureOf(client({ timeoutMs: 200, retry: { maxAttempts: 1 } }).rooms.get(1)), 'HIPCHAT_TIMEOUT')).toBe(true);
  });
});

describe('a host whose answer is too large', () => {
  it('is not read to the end: HIPCHAT_API_ERROR at once', async () => {
    api.answer = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) });
      response.write('{"items": [');
    };
    const started = Date.now();
    const failure = await failureOf(client({ timeoutMs: 5000 }).rooms.list().page());
    expect(failure).toMatchObject({ code: 'HIPCHAT_API_ERROR', details: { status: 200 } });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
