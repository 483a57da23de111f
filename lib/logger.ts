import { invalidOption, invalidVariable } from './errors';
import { jsonLine, prettyLine } from './log-lines';

/**
 * The logging interface: a subset of pino's, so a pino logger can be passed as it is. Every method takes
 * an object of fields first and a message second.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** pino's levels and their numbers, which a JSON line carries as `level`. */
const LOG_LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;
export type LogLevel = keyof typeof LOG_LEVELS;
type LogFormat = 'json' | 'pretty';

export interface ConsoleLoggerOptions {
  /** The least severe level written. Default: `LOG_LEVEL` from the environment, else `info`. */
  level?: LogLevel;
  /** Default: `LOG_FORMAT` from the environment, else `pretty` on a terminal and `json` otherwise. */
  format?: LogFormat;
  /** Default: stderr, so a command's own output on stdout stays clean. */
  stream?: NodeJS.WritableStream;
}

/** Discards everything; for tests and for authors who want silence. */
export const silentLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

/**
 * The default logger: pino's JSON lines (numeric `level`, epoch-ms `time`, `msg`, errors under `err`) for
 * log collectors, or one readable line per event for people. Fields pass through `redact` first, so a
 * secret handed to a log call by mistake never reaches output. A stream may be passed alone, as before.
 */
export function createConsoleLogger(options: ConsoleLoggerOptions | NodeJS.WritableStream = {}): Logger {
  const { level, format, stream = process.stderr } = isStream(options) ? { stream: options } : options;
  const threshold = LOG_LEVELS[logLevel(level)];
  const line = logFormat(format, stream) === 'pretty' ? prettyLine(colours(stream)) : jsonLine;
  const write = (name: Exclude<LogLevel, 'silent'>) => LOG_LEVELS[name] < threshold
    ? () => {}
    : (fields: Record<string, unknown>, message: string) => void stream.write(`${line(name, LOG_LEVELS[name], fields, message)}\n`);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** The level given, else `LOG_LEVEL`, else `info`; a wrong one names where it came from. */
function logLevel(given?: string): LogLevel {
  const fromEnvironment = given === undefined ? process.env.LOG_LEVEL : undefined;
  const value = (given ?? (fromEnvironment || 'info')).toLowerCase();
  if (Object.hasOwn(LOG_LEVELS, value)) return value as LogLevel;
  const expected = `one of ${Object.keys(LOG_LEVELS).join(', ')}`;
  if (given !== undefined) throw invalidOption('logLevel', expected);
  throw invalidVariable('LOG_LEVEL', expected);
}

function logFormat(given: LogFormat | undefined, stream: NodeJS.WritableStream): LogFormat {
  const value = given ?? process.env.LOG_FORMAT?.toLowerCase();
  if (value === 'json' || value === 'pretty') return value;
  if (value === undefined || value === '') return (stream as { isTTY?: boolean }).isTTY ? 'pretty' : 'json';
  throw given === undefined ? invalidVariable('LOG_FORMAT', 'json or pretty') : invalidOption('logFormat', 'json or pretty');
}

/** Colours for a terminal that has not asked for none (https://no-color.org). */
function colours(stream: NodeJS.WritableStream): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY) && !process.env.NO_COLOR;
}

function isStream(value: ConsoleLoggerOptions | NodeJS.WritableStream): value is NodeJS.WritableStream {
  return typeof (value as NodeJS.WritableStream).write === 'function';
}
