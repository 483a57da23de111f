import { setTimeout as delay } from 'node:timers/promises';

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * The wait before retry number `retry` (1 for the first): exponential steps capped at `maxDelayMs`, with
 * "equal jitter" — half the step fixed, half random — so that callers which failed together spread out
 * without any wait collapsing to nothing.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return step / 2 + (random() * step) / 2;
}

/**
 * Resolves after at least `ms` milliseconds of real time. A timer counts from the event loop's cached
 * time, which can lag the clock, so it may end a little early; waiting again for the rest keeps the
 * promise made to a host that said "not before". The monotonic clock is used, not an injected one, so a
 * frozen test clock cannot make the wait endless.
 */
export async function sleepFor(ms: number): Promise<void> {
  const end = performance.now() + ms;
  for (let left = ms; left > 0; left = end - performance.now()) await delay(Math.ceil(left));
}
