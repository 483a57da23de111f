import type { Fetch, HttpRequest } from '../core/host/bounded-fetch';
import type { Logger } from '../logger';
import { failureError } from './api-errors';
import { sleepFor } from './backoff';
import { exchange, type HttpAnswer } from './exchange';
import { nextAttemptAt, type RetryPolicy } from './retry';

export interface TransportOptions {
  fetch: Fetch;
  timeoutMs: number;
  retry: RetryPolicy;
  now: () => number;
  logger: Logger;
}

export interface Delivered {
  answer: HttpAnswer;
  attempts: number;
}

/** Large enough for a page of 1000 history items; a host sending more is not read to the end. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * Sends requests to the host with the time-out, retries and waits of retry-decision.ts. Resolves with
 * the last answer, whatever its status (the caller knows what a status means for its call); rejects,
 * with HIPCHAT_TIMEOUT or HIPCHAT_UNREACHABLE, only when no answer came at all.
 */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  async send(request: HttpRequest, idempotent: boolean): Promise<Delivered> {
    const { now, retry: policy, logger } = this.options;
    const exchangeOptions = { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs, maxBytes: MAX_ANSWER_BYTES };
    for (let attempt = 1; ; attempt++) {
      const outcome = await exchange(request, exchangeOptions);
      const at = nextAttemptAt(outcome, { attempt, idempotent, policy, now: now() });
      if (at === undefined) {
        if (outcome.kind === 'answered') return { answer: outcome.answer, attempts: attempt };
        throw failureError(outcome, { method: request.method, url: request.url, attempts: attempt }, this.options.timeoutMs);
      }
      const waitMs = Math.max(0, at - now());
      const status = outcome.kind === 'answered' ? outcome.answer.status : outcome.kind;
      logger.debug({ method: request.method, path: new URL(request.url).pathname, attempt, status, waitMs }, 'HipChat request retried');
      await sleepFor(waitMs);
    }
  }
}
