import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Store } from '../core/store';
import { ConnectError } from '../errors';
import type { Logger } from '../logger';
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
/** Waits between tries to release a lock the store would not release (a Redis fail-over under way). */
const RELEASE_RETRY = { baseDelayMs: 100, maxDelayMs: 1000 };

/**
 * Makes a result (an access token) once across every process sharing the store, however many ask at the same
 * time (docs/principles.md#scale-out-on-redis). The lock is a value set only if absent, with a time to live,
 * holding a random id; it is released only by the process whose id it holds (`deleteValue` with `ifValue`),
 * and expires by itself if that process dies. The others look for the published result with a short backoff,
 * and take the lock themselves if it is freed with no result (its holder failed) or expired.
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
        await release(store, oauthId, lockKey, holder, options);
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

/**
 * A lock left behind keeps every other process waiting for its expiry, a whole `ttlMs`: measured after a
 * Redis fail-over, token requests for the installation stalled for up to 30 s. So a failed release is
 * tried again in the background, with backoff, for as long as the lock would live. A retry that comes
 * after another process took the lock deletes nothing: the lock then holds that process's id.
 */
async function release(store: Store, oauthId: string, lockKey: string, holder: string, options: StoreLockOptions): Promise<void> {
  const expires = performance.now() + options.ttlMs;
  const attempt = () => store.deleteValue(oauthId, lockKey, holder);
  try {
    return await attempt();
  } catch (error) {
    options.logger.warn({ err: error, oauthId, lockKey }, 'could not release a lock; trying again until it expires by itself');
  }
  void (async () => {
    for (let retry = 1; performance.now() < expires; retry++) {
      await delay(backoffDelay(retry, RELEASE_RETRY), undefined, { ref: false });
      if (await attempt().then(() => true, () => false)) return;
    }
  })();
}
