import { backoffDelay, sleepFor } from '../../../lib/hipchat/backoff';

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

describe('sleepFor', () => {
  it('waits at least as long as asked', async () => {
    const started = performance.now();
    await sleepFor(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
  });

  it('resolves at once for nothing or less', async () => {
    await expect(sleepFor(0)).resolves.toBeUndefined();
    await expect(sleepFor(-5)).resolves.toBeUndefined();
  });
});
