import type { Logger } from '../logger';
import type { RedisConnection } from './redis-guard';

/**
 * Reports a Redis outage twice: once when the connection is lost and ioredis starts retrying, and once
 * when it is ready again, with how long it lasted. ioredis emits `error` at every failed attempt and,
 * with nobody listening, prints each one; listening here keeps those out of the output, and callers
 * meanwhile get STORE_UNAVAILABLE. A connection the caller closes on purpose is no outage: ioredis does
 * not retry it. Returns a function that stops listening.
 */
export function reportOutages(connection: RedisConnection, logger: Logger, what: string, now: () => number = Date.now): () => void {
  let since: number | undefined;
  let lastError: unknown;
  const onError = (error: unknown) => {
    lastError = error;
  };
  const onReconnecting = () => {
    if (since !== undefined) return;
    since = now();
    logger.warn(lastError === undefined ? {} : { err: lastError }, `${what} unavailable: store calls fail with STORE_UNAVAILABLE until it is back (ioredis keeps reconnecting)`);
  };
  const onReady = () => {
    if (since === undefined) return;
    logger.info({ outageMs: now() - since }, `${what} available again after ${formatDuration(now() - since)}`);
    since = undefined;
    lastError = undefined;
  };
  const onEnd = () => {
    if (since === undefined) return;
    logger.error({ err: lastError, outageMs: now() - since }, `${what} connection closed for good: ioredis stopped reconnecting (its retryStrategy)`);
    since = undefined;
  };
  connection.on('error', onError).on('reconnecting', onReconnecting).on('ready', onReady).on('end', onEnd);
  return () => {
    connection.off('error', onError).off('reconnecting', onReconnecting).off('ready', onReady).off('end', onEnd);
  };
}

function formatDuration(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
