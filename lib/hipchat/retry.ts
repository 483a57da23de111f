import { invalidOption } from '../errors';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { Exchange } from './exchange';
import { resumeAt } from './rate-limit';

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

export interface AttemptContext {
  /** The attempt that just ended, 1 for the first. */
  attempt: number;
  /** Whether the request may be carried out twice without harm (every method but POST, unless said). */
  idempotent: boolean;
  policy: RetryPolicy;
  now: number;
  random?: () => number;
}

/**
 * When to try again after an attempt, or undefined to stop there. Pure, so every rule is unit-tested:
 *
 * - 429 is always retried, at the time the host gave (or after a backoff when it gave none): a
 *   rate-limited request was refused before anything happened. A reset further off than `maxWaitMs` is
 *   not waited for.
 * - 503 likewise, since "unavailable" is the host saying it did not take the request.
 * - Other 5xx, time-outs and connections that broke after the request went out are retried only for
 *   idempotent requests: a POST that reached the host may have posted the message already, and a
 *   duplicate notification in a room is worse than an error the caller can see and decide on.
 * - A connection that never opened is retried for every request.
 */
export function nextAttemptAt(outcome: Exchange, context: AttemptContext): number | undefined {
  if (context.attempt >= context.policy.maxAttempts) return undefined;
  const backoff = context.now + backoffDelay(context.attempt, context.policy, context.random);
  switch (outcome.kind) {
    case 'answered': {
      const { status, headers } = outcome.answer;
      if (status === 429 || status === 503) {
        const at = resumeAt(headers, context.now) ?? backoff;
        return at - context.now <= context.policy.maxWaitMs ? Math.max(at, context.now) : undefined;
      }
      return status >= 500 && context.idempotent ? backoff : undefined;
    }
    case 'timed-out':
      return context.idempotent ? backoff : undefined;
    case 'unreachable':
      return context.idempotent || !outcome.sent ? backoff : undefined;
    case 'too-large':
      return undefined;
  }
}
