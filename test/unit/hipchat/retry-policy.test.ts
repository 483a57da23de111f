import { resolveRetryPolicy } from '../../../lib/hipchat/retry';

describe('resolveRetryPolicy', () => {
  it('fills in the defaults', () => {
    expect(resolveRetryPolicy()).toEqual({ maxAttempts: 4, maxWaitMs: 60_000, baseDelayMs: 250, maxDelayMs: 5000 });
    expect(resolveRetryPolicy({ maxAttempts: 1 }).maxAttempts).toBe(1);
  });

  it.each<[object, string]>([
    [{ maxAttempts: 0 }, 'retry.maxAttempts'],
    [{ maxAttempts: 1.5 }, 'retry.maxAttempts'],
    [{ maxWaitMs: -1 }, 'retry.maxWaitMs'],
    [{ baseDelayMs: '10' }, 'retry.baseDelayMs'],
    [{ baseDelayMs: 500, maxDelayMs: 100 }, 'retry.maxDelayMs'],
  ])('refuses %j naming %s', (options, option) => {
    expect(() => resolveRetryPolicy(options as never)).toThrow(expect.objectContaining({ code: 'OPTION_INVALID', details: { option } }));
  });
});
