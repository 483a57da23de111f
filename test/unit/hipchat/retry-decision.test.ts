import type { Exchange } from '../../../lib/hipchat/exchange';
import { nextAttemptAt, type AttemptContext, resolveRetryPolicy } from '../../../lib/hipchat/retry';

const NOW = 1_700_000_000_000;
const policy = resolveRetryPolicy({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxWaitMs: 10_000 });
const post = (attempt = 1): AttemptContext => ({ attempt, idempotent: false, policy, now: NOW, random: () => 0 });
const get = (attempt = 1): AttemptContext => ({ ...post(attempt), idempotent: true });

const answered = (status: number, headers: Record<string, string> = {}): Exchange =>
  ({ kind: 'answered', answer: { status, headers: new Headers(headers), text: '' } });

describe('nextAttemptAt', () => {
  it('retries a 429 at the advertised reset, for any method', () => {
    expect(nextAttemptAt(answered(429, { 'Retry-After': '4' }), post())).toBe(NOW + 4000);
    expect(nextAttemptAt(answered(429, { 'X-Ratelimit-Reset': String(NOW / 1000 + 2) }), get())).toBe(NOW + 2000);
  });

  it('retries a 429 without a reset after a backoff, and one whose reset is past at once', () => {
    expect(nextAttemptAt(answered(429), post())).toBe(NOW + 50);
    expect(nextAttemptAt(answered(429, { 'X-Ratelimit-Reset': String(NOW / 1000 - 60) }), post())).toBe(NOW);
  });

  it('does not wait for a reset beyond maxWaitMs', () => {
    expect(nextAttemptAt(answered(429, { 'Retry-After': '11' }), post())).toBeUndefined();
  });

  it('retries a 503 for any method, other 5xx for idempotent requests only', () => {
    expect(nextAttemptAt(answered(503), post())).toBe(NOW + 50);
    expect(nextAttemptAt(answered(500), get())).toBe(NOW + 50);
    expect(nextAttemptAt(answered(502), post())).toBeUndefined();
    expect(nextAttemptAt(answered(500), post())).toBeUndefined();
  });

  it('never retries other answers', () => {
    for (const status of [200, 204, 301, 400, 401, 403, 404, 409]) expect(nextAttemptAt(answered(status), get())).toBeUndefined();
  });

  it('retries a time-out or a broken connection only when the request is idempotent', () => {
    expect(nextAttemptAt({ kind: 'timed-out', cause: null }, get())).toBe(NOW + 50);
    expect(nextAttemptAt({ kind: 'timed-out', cause: null }, post())).toBeUndefined();
    expect(nextAttemptAt({ kind: 'unreachable', sent: true, cause: null }, post())).toBeUndefined();
  });

  it('retries a connection that never opened whatever the method', () => {
    expect(nextAttemptAt({ kind: 'unreachable', sent: false, cause: null }, post())).toBe(NOW + 50);
  });

  it('backs off further on each retry', () => {
    expect(nextAttemptAt(answered(500), get(2))).toBe(NOW + 100);
  });

  it('stops after maxAttempts', () => {
    expect(nextAttemptAt(answered(429, { 'Retry-After': '1' }), post(3))).toBeUndefined();
    expect(nextAttemptAt({ kind: 'unreachable', sent: false, cause: null }, get(3))).toBeUndefined();
  });

  it('never retries an answer too large to read', () => {
    expect(nextAttemptAt({ kind: 'too-large', status: 200 }, get())).toBeUndefined();
  });
});
