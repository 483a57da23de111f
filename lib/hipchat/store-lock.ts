import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ConnectError } from '../errors';
import type { Logger } from '../logger';
import type { Store } from '../stores/store';
import { backoffDelay } from './backoff';

export interface SharedWork<T> {
  /** The result another process (or an earlier holder) may have published already. */
  published(): Promise<T | undefined>;
  /** Makes and publishes the result; runs while holding the lock. */
  produce(): Promise<T>;
}

export interface StoreLockOptions {
  /** How long the lock lives if its holder dies without releasing it. */
  ttlMs: number;
  logger: Logger;
}

/** Waits between looks at the store while another process works: 25 ms at first, never more than 250 ms. */
const POLL = { baseDelayMs: 25, maxDelayMs: 250 };

/**
 * Makes a result (an access token) once across every process sharing the store, however many ask at the
 * same time (design principle 7). The lock is a value set only if absent, with a time to live, holding a
 * random id; it is released only by the process whose id it holds (`deleteValue` with `ifValue`), and
 * expires by itself if that process dies. The others look for the published result with a short
 * backoff, and take the lock themselves if it is freed with no result (its holder failed) or expired.
 *
 * A waiter gives up with HIPCHAT_TIMEOUT only after a whole lock lifetime in which neither happened,
 * which means a second holder is working after the first failed.
 */
export async function produceOnce<T>(store: Store, oauthId: string, lockKey: string, work: SharedWork<T>, options: StoreLockOptions): Promise<T> {
  const holder = randomUUID();
  // Real (monotonic) time: a frozen test clock must not make the wait endless.
  const giveUpAt = performance.now() + options.ttlMs + POLL.maxDelayMs;
  for (let round = 1; ; round++) {
    if (await store.setValue(oauthId, lockKey, holder, { ifAbsent: true, ttlMs: options.ttlMs })) {
      try {
        return (await work.published()) ?? (await work.produce());
      } finally {
        await store.deleteValue(oauthId, lockKey, holder).catch((error: unknown) => {
          options.logger.warn({ err: error, oauthId, lockKey }, 'could not release a lock; it expires by itself');
        });
      }
    }
    if (performance.now() >= giveUpAt) {
      throw new ConnectError('HIPCHAT_TIMEOUT', `Waited ${options.ttlMs} ms for another process to fetch an access token`, {
        details: { oauthId, lock: lockKey },
      });
    }
    await delay(backoffDelay(round, POLL));
    const result = await work.published();
    if (result !== undefined) return result;
  }
}
