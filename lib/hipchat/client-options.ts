import type { Fetch } from '../core/host/bounded-fetch';
import { invalidOption } from '../errors';
import { createConsoleLogger, type Logger } from '../logger';
import { resolveRetryPolicy, type RetryOptions } from './retry-policy';
import { Transport } from './transport';

/** What both kinds of client take. */
export interface ClientOptions {
  /** Per attempt, the whole answer included. Default 10 000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Injected for tests and instrumentation; default: the global fetch and clock. */
  fetch?: Fetch;
  now?: () => number;
  logger?: Logger;
}

export interface ResolvedClientOptions {
  transport: Transport;
  now: () => number;
  logger: Logger;
}

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw invalidOption('timeoutMs', 'a positive whole number of milliseconds');
  const fetch = options.fetch ?? globalThis.fetch;
  if (typeof fetch !== 'function') throw invalidOption('fetch', 'a fetch function');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw invalidOption('now', 'a function returning milliseconds since the epoch');
  const logger = options.logger ?? createConsoleLogger();
  const transport = new Transport({ fetch, timeoutMs, retry: resolveRetryPolicy(options.retry), now, logger });
  return { transport, now, logger };
}

/** An absolute http(s) URL, as the API base and the token URL must be. */
export function checkHttpUrl(value: unknown, option: string): string {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value) || !URL.canParse(value)) throw invalidOption(option, 'an absolute http(s) URL');
  return value;
}
