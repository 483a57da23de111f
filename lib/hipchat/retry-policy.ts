import { invalidOption } from '../errors';
import type { BackoffPolicy } from './backoff';

export interface RetryOptions {
  /** Attempts per call, the first one included. Default 4. */
  maxAttempts?: number;
  /**
   * The longest reset a rate-limited call waits for. A host that asks for more is not waited on: the
   * call fails at once with HIPCHAT_RATE_LIMITED, whose details say when to come back. Default 60 000.
   */
  maxWaitMs?: number;
  /** The first backoff step after a 5xx, a time-out or a network failure; it doubles each retry. Default 250. */
  baseDelayMs?: number;
  /** The largest backoff step. Default 5 000. */
  maxDelayMs?: number;
}

export interface RetryPolicy extends BackoffPolicy {
  maxAttempts: number;
  maxWaitMs: number;
}

const DEFAULTS: RetryPolicy = { maxAttempts: 4, maxWaitMs: 60_000, baseDelayMs: 250, maxDelayMs: 5_000 };

export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  if (typeof options !== 'object' || options === null) throw invalidOption('retry', 'an object');
  const policy = { ...DEFAULTS };
  for (const name of Object.keys(DEFAULTS) as Array<keyof RetryPolicy>) {
    const value = options[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < (name === 'maxAttempts' ? 1 : 0)) {
      throw invalidOption(`retry.${name}`, name === 'maxAttempts' ? 'a whole number of at least 1' : 'a whole number of milliseconds');
    }
    policy[name] = value;
  }
  if (policy.maxDelayMs < policy.baseDelayMs) throw invalidOption('retry.maxDelayMs', 'at least retry.baseDelayMs');
  return policy;
}
