import { invalidOption } from '../errors';
import { silentLogger, type Logger } from '../logger';
import type { ApiExchange } from './api/exchange';
import { systemClock, type Clock } from './clock';
import { resolveLimit, type Limit, type Limits } from './limits';
import { isLoopbackHost } from './loopback';
import { DEFAULT_TOKEN_TTL_SECONDS } from './token-registry';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A loopback address; 127.0.0.1 by default. */
  host?: string;
  /** Lifetime of issued access tokens; 8 hours by default. */
  tokenTtlSeconds?: number;
  /** Requests per token: 500 per 300 seconds by default. */
  rateLimit?: Partial<Limit>;
  /** Messages and notifications per room or user: 30 per 60 seconds by default. */
  floodControl?: Partial<Limit>;
  /** Called after each request under `/v2` has been answered, with what went in and what came out. */
  onExchange?: (exchange: ApiExchange) => void;
  logger?: Logger;
  clock?: Clock;
}

export interface ResolvedEmulatorOptions extends Required<Omit<EmulatorOptions, 'rateLimit' | 'floodControl' | 'onExchange'>>, Limits {
  onExchange: ((exchange: ApiExchange) => void) | undefined;
}

/** Defaults filled in and every option checked, so a mistake fails at start-up naming the option. */
export function resolveEmulatorOptions(options: EmulatorOptions): ResolvedEmulatorOptions {
  const resolved = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    rateLimit: resolveLimit('rateLimit', options.rateLimit),
    floodControl: resolveLimit('floodControl', options.floodControl),
    onExchange: options.onExchange,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemClock,
  };
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) throw invalidOption('port', 'an integer from 0 to 65535');
  if (!isLoopbackHost(resolved.host)) throw invalidOption('host', 'a loopback address (127.0.0.1, ::1 or localhost)');
  if (!Number.isInteger(resolved.tokenTtlSeconds) || resolved.tokenTtlSeconds < 1) throw invalidOption('tokenTtlSeconds', 'a positive integer');
  if (resolved.onExchange !== undefined && typeof resolved.onExchange !== 'function') throw invalidOption('onExchange', 'a function');
  if (typeof resolved.clock !== 'function') throw invalidOption('clock', 'a function returning milliseconds since the epoch');
  return resolved;
}
