import { backoffDelay } from './backoff';
import type { Exchange } from './exchange';
import { resumeAt } from './rate-limit';
import type { RetryPolicy } from './retry-policy';

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
