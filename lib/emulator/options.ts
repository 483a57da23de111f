import { invalidOption } from '../errors';
import { silentLogger, type Logger } from '../logger';
import { systemClock, type Clock } from './clock';
import { isLoopbackHost } from './loopback';
import { DEFAULT_TOKEN_TTL_SECONDS } from './token-registry';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A loopback address; 127.0.0.1 by default. */
  host?: string;
  /** Lifetime of issued access tokens; 8 hours by default. */
  tokenTtlSeconds?: number;
  logger?: Logger;
  clock?: Clock;
}

export type ResolvedOptions = Required<EmulatorOptions>;

/** Defaults filled in and every option checked, so a mistake fails at start-up naming the option. */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const resolved = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemClock,
  };
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) throw invalidOption('port', 'an integer from 0 to 65535');
  if (!isLoopbackHost(resolved.host)) throw invalidOption('host', 'a loopback address (127.0.0.1, ::1 or localhost)');
  if (!Number.isInteger(resolved.tokenTtlSeconds) || resolved.tokenTtlSeconds < 1) throw invalidOption('tokenTtlSeconds', 'a positive integer');
  if (typeof resolved.clock !== 'function') throw invalidOption('clock', 'a function returning milliseconds since the epoch');
  return resolved;
}
