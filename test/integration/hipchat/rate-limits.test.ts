import { isConnectError } from 'hipchat-connect';
import type { Fetch } from 'hipchat-connect';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';
import { startClientFixture, type ClientFixture } from './fixture';

/**
 * The emulator's own rate limit and flood control (docs/protocol.md#rate-limits-and-flood-control), set tiny
 * with `setLimits`: the client waits out each 429 until the reset the emulator advertised, and no sooner,
 * then succeeds; a limit it cannot wait out ends in a coded error after bounded retries, leaving no promise
 * unhandled.
 */
expectNoUnhandledRejections();
let fixture: ClientFixture;
// The windows below are 2 s, long enough that a busy machine still makes the calls of one test within one.

beforeAll(async () => {
  fixture = await startClientFixture();
});
afterEach(() => {
  if (!fixture) return;
  fixture.stack.emulator.setLimits({ rateLimit: { limit: 500, windowSeconds: 300 }, floodControl: { limit: 30, windowSeconds: 60 } });
  fixture.assertContract();
});
afterAll(() => fixture?.close());

interface Seen {
  /** When the client sent the request (real time). */
  sentAt: number;
  status: number;
  headers: Headers;
}

/** The real fetch, with what went out when and what came back kept for the test to read. */
function watchedFetch(): { fetch: Fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: Fetch = async (input, init) => {
    const sentAt = Date.now();
    const response = await globalThis.fetch(input, init);
    if (String(input).includes('/oauth/token')) return response;
    seen.push({ sentAt, status: response.status, headers: response.headers });
    return response;
  };
  return { fetch, seen };
}

/** The advertised reset of a 429, in milliseconds. */
const resetOf = (answer: Seen, header: string) => Number(answer.headers.get(header)) * 1000;

it('waits out flood control until the advertised X-FloodControl-Reset, then posts', async () => {
  fixture.stack.emulator.setLimits({ floodControl: { limit: 2, windowSeconds: 2 } });
  const { fetch, seen } = watchedFetch();
  const client = fixture.client(undefined, { fetch });
  for (const text of ['one', 'two', 'three']) await client.rooms.notify(1, text);

  expect(seen.map((answer) => answer.status)).toEqual([204, 204, 429, 204]);
  const [, , refused, retried] = seen as [Seen, Seen, Seen, Seen];
  expect(refused.headers.get('x-floodcontrol-remaining')).toBe('0');
  expect(retried.sentAt).toBeGreaterThanOrEqual(resetOf(refused, 'x-floodcontrol-reset'));
  expect(fixture.stack.emulator.history(1).map((message) => message.message)).toEqual(['one', 'two', 'three']);
  expect(fixture.stack.emulator.log.apiRefusals.map((refusal) => refusal.code)).toEqual(['FLOOD_CONTROLLED']);
});

it('waits out the rate limit until the advertised X-Ratelimit-Reset, then reads', async () => {
  const { fetch, seen } = watchedFetch();
  const client = fixture.client(undefined, { fetch });
  const participants = () => client.rooms.participants(1).page();
  await participants(); // a first call, so the window below starts with the next one
  fixture.stack.emulator.setLimits({ rateLimit: { limit: 2, windowSeconds: 2 } });
  seen.length = 0;
  const pages = [await participants(), await participants(), await participants()];

  expect(pages.map((page) => page.items.length)).toEqual([3, 3, 3]);
  expect(seen.map((answer) => answer.status)).toEqual([200, 200, 429, 200]);
  const [, , refused, retried] = seen as [Seen, Seen, Seen, Seen];
  expect(retried.sentAt).toBeGreaterThanOrEqual(resetOf(refused, 'x-ratelimit-reset'));
  expect(fixture.stack.emulator.log.apiRefusals.at(-1)?.code).toBe('RATE_LIMITED');
});

it('does not wait for a reset beyond maxWaitMs: HIPCHAT_RATE_LIMITED at once, saying when', async () => {
  const client = fixture.client(undefined, { retry: { maxWaitMs: 2000 } });
  fixture.stack.emulator.setLimits({ floodControl: { limit: 1, windowSeconds: 300 } });
  await client.rooms.notify(1, 'the only one this window');
  const { fetch, seen } = watchedFetch();

  const failure = await client.rooms.notify(1, 'too many').catch((error: unknown) => error);
  expect(isConnectError(failure, 'HIPCHAT_RATE_LIMITED')).toBe(true);
  expect((failure as { details: unknown }).details).toMatchObject({ status: 429, attempts: 1, error: { code: 429 } });
  // Asked again, the emulator advertises the same reset the error gave.
  await fixture.client(undefined, { fetch, retry: { maxAttempts: 1 } }).rooms.notify(1, 'again').catch(() => undefined);
  const retryAt = Date.parse((failure as { details: { retryAt: string } }).details.retryAt);
  expect(retryAt).toBe(resetOf(seen[0]!, 'x-floodcontrol-reset'));
});

it('gives up with HIPCHAT_RATE_LIMITED after maxAttempts when every wait meets the limit again', async () => {
  const client = fixture.client(undefined, { retry: { maxAttempts: 2 } });
  await client.rooms.participants(1).page(); // the token first, so that the five calls below start together
  fixture.stack.emulator.setLimits({ rateLimit: { limit: 1, windowSeconds: 2 } });

  // One of five gets through each window: one at once, one after the wait; the other three have used their two attempts.
  const outcomes = await Promise.allSettled([...Array(5)].map(() => client.rooms.participants(1).page()));
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
  expect(failures).toHaveLength(3);
  for (const failure of failures) {
    expect(failure).toMatchObject({ code: 'HIPCHAT_RATE_LIMITED', details: { status: 429, attempts: 2, retryAt: expect.any(String) } });
  }
});
