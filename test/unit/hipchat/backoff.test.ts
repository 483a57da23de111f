import { backoffDelay, sleepUntil } from '../../../lib/hipchat/backoff';

const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay', () => {
  it.each([[1, 50, 100], [2, 100, 200], [3, 200, 400], [4, 400, 800], [5, 500, 1000], [30, 500, 1000]])(
    'retry %i waits between %i and %i ms', (retry, low, high) => {
      expect(backoffDelay(retry, policy, () => 0)).toBe(low);
      expect(backoffDelay(retry, policy, () => 0.999999)).toBeCloseTo(high, 2);
      for (let i = 0; i < 100; i++) {
        const delay = backoffDelay(retry, policy);
        expect(delay).toBeGreaterThanOrEqual(low);
        expect(delay).toBeLessThanOrEqual(high);
      }
    });
});

describe('sleepUntil', () => {
  it('does not resolve before the clock reaches the time, even when timers end early', async () => {
    let clock = 0;
    let reads = 0;
    // A clock that lags: the first readings say no time has passed, as a stale loop time would.
    const now = () => (reads++ < 2 ? clock : (clock += 10));
    await sleepUntil(25, now);
    expect(clock).toBeGreaterThanOrEqual(25);
  });

  it('resolves at once for a time already past', async () => {
    await expect(sleepUntil(0, () => 10)).resolves.toBeUndefined();
  });
});
