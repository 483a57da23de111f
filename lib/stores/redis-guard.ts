import type { EventEmitter } from 'node:events';
import { ConnectError } from '../errors';

/** What the guard reads of an ioredis client (Redis or Cluster); typed here so only redis.ts imports ioredis. */
export interface RedisConnection extends EventEmitter {
  readonly status: string;
  connect(): Promise<void>;
}

/** States in which a connection attempt is under way, so waiting a little may be rewarded. */
const CONNECTING = new Set(['wait', 'connecting', 'connect']);

/** One wait per connection however many calls arrive while it connects (no pile of listeners). */
const readyWaits = new WeakMap<RedisConnection, Promise<void>>();

/**
 * Runs one Redis call so that a caller hears about an outage at once instead of waiting on ioredis's
 * offline queue, which holds commands for as long as it takes Redis to come back (forever, by default):
 *
 * - a client that is ready runs the call;
 * - a client that is connecting (at start-up, or a retry under way) gets until the deadline to be ready,
 *   and a refused attempt fails the call at once;
 * - a client that is between retries or closed fails now;
 * - whatever happens, the caller has an answer within `timeoutMs`.
 *
 * Nothing here changes the client, so it reconnects under its own settings and the next call simply
 * finds it ready again. A call that timed out may still reach Redis later from ioredis's queue; callers
 * were told it failed, and every write here is one a caller may safely repeat.
 */
export async function guarded<T>(
  connection: RedisConnection,
  timeoutMs: number,
  operation: string,
  run: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([untilReady(connection), timedOut]);
    return await Promise.race([run(), timedOut]);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ConnectError('STORE_UNAVAILABLE', `Redis ${operation} failed: ${reason}`, {
      cause,
      details: { operation, connection: connection.status },
    });
  } finally {
    clearTimeout(timer);
  }
}

function untilReady(connection: RedisConnection): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  if (!CONNECTING.has(connection.status)) return Promise.reject(new Error(`not connected (${connection.status})`));
  let wait = readyWaits.get(connection);
  if (!wait) {
    wait = nextReady(connection).finally(() => readyWaits.delete(connection));
    readyWaits.set(connection, wait);
    // A lazyConnect client connects on its first command; ours waits for 'ready', so start it here.
    if (connection.status === 'wait') connection.connect().catch(() => undefined);
  }
  return wait;
}

/** Settles with the attempt under way: ready, or refused/lost (ioredis then retries on its own). */
function nextReady(connection: RedisConnection): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      connection.off('ready', onReady).off('close', onClose).off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => settle();
    const onClose = () => settle(new Error('connection refused or lost'));
    connection.once('ready', onReady).once('close', onClose).once('error', settle);
  });
}
