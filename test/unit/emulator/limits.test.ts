import { FixedWindows, resolveLimit, setLimits } from '../../../lib/emulator/limits';

function windowsAt(start: number, limit = 2, windowSeconds = 10) {
  let now = start;
  return { windows: new FixedWindows(() => now, { limit, windowSeconds }), advance: (ms: number) => { now += ms; } };
}

describe('FixedWindows', () => {
  it('counts per key until the limit, then refuses without counting, until the window ends', () => {
    const { windows, advance } = windowsAt(1_000_000);
    expect(windows.take('a')).toEqual({ limit: 2, remaining: 1, reset: 1010, secondsToReset: 10, allowed: true });
    expect(windows.take('b').remaining).toBe(1);
    expect(windows.take('a')).toMatchObject({ remaining: 0, allowed: true });
    advance(4_000);
    expect(windows.take('a')).toEqual({ limit: 2, remaining: 0, reset: 1010, secondsToReset: 6, allowed: false });
    advance(6_000);
    expect(windows.take('a')).toMatchObject({ remaining: 1, reset: 1020, allowed: true });
  });

  it('advertises a reset no earlier than the window\'s end, so waiting until it is enough', () => {
    const { windows, advance } = windowsAt(1_000_400, 1);
    windows.take('a');
    const refused = windows.take('a');
    expect(refused).toMatchObject({ reset: 1011, allowed: false });
    advance(refused.reset * 1000 - 1_000_400);
    expect(windows.take('a').allowed).toBe(true);
  });

  it('starts every window afresh when reconfigured', () => {
    const { windows } = windowsAt(0, 1);
    windows.take('a');
    windows.configure({ limit: 3, windowSeconds: 60 });
    expect(windows.take('a')).toMatchObject({ limit: 3, remaining: 2, allowed: true });
    expect(windows.current).toEqual({ limit: 3, windowSeconds: 60 });
  });
});

describe('resolveLimit and setLimits', () => {
  it('fills in the defaults, or the current values, and names a wrong option', () => {
    expect(resolveLimit('rateLimit', undefined)).toEqual({ limit: 500, windowSeconds: 300 });
    expect(resolveLimit('floodControl', { limit: 3 })).toEqual({ limit: 3, windowSeconds: 60 });
    expect(() => resolveLimit('rateLimit', { limit: 0 })).toThrow('options.rateLimit.limit');
    expect(() => resolveLimit('floodControl', 'fast' as never)).toThrow('options.floodControl');
    const rateLimits = new FixedWindows(() => 0, { limit: 9, windowSeconds: 9 });
    const floodControl = new FixedWindows(() => 0, { limit: 7, windowSeconds: 7 });
    setLimits({ rateLimits, floodControl }, { floodControl: { limit: 1 } });
    expect([rateLimits.current, floodControl.current]).toEqual([{ limit: 9, windowSeconds: 9 }, { limit: 1, windowSeconds: 7 }]);
  });
});
