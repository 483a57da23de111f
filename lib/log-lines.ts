import { hostname } from 'node:os';

/** Turns one log call into one line (without its newline). */
type LineFormat = (name: string, level: number, fields: Record<string, unknown>, message: string) => string;

const HOSTNAME = hostname();

/**
 * pino's line: `level` as a number, `time` in epoch milliseconds, `pid`, `hostname`, the fields, `msg`.
 * Fields cannot displace the four that tools key on, so a field called `level` is overwritten in place.
 */
export const jsonLine: LineFormat = (_name, level, fields, message) => {
  const time = Date.now();
  return JSON.stringify(Object.assign({ level, time, pid: process.pid, hostname: HOSTNAME }, redact(fields), { level, time, msg: message }));
};

const COLOUR: Record<string, string> = { trace: '90', debug: '36', info: '32', warn: '33', error: '31', fatal: '35' };

/** A line for people: the time of day, the level, the message, then `name=value` pairs; an error's stack below. */
export function prettyLine(coloured: boolean): LineFormat {
  const paint = (code: string, text: string) => (coloured ? `\u001b[${code}m${text}\u001b[0m` : text);
  return (name, _level, fields, message) => {
    const safe = redact(fields);
    const pairs = Object.entries(safe).map(([key, value]) => `${paint('2', `${key}=`)}${pretty(value)}`);
    const stacks = Object.values(safe).flatMap((value) => (isDescribedError(value) && value.stack ? [value.stack] : []));
    const time = new Date().toISOString().slice(11, 23);
    const head = [paint('2', time), paint(COLOUR[name] ?? '0', name.toUpperCase().padEnd(5)), message, ...pairs].join(' ');
    return [head, ...stacks.map((stack) => stack.replace(/^/gm, '    '))].join('\n');
  };
}

function pretty(value: unknown): string {
  if (isDescribedError(value)) return `${value.type}${value.code === undefined ? '' : ` ${String(value.code)}`}: ${value.message}`;
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

const SECRET_FIELD = /secret|token|password|authorization|signed_request/i;

/** Replaces secret-looking fields and turns errors into pino's shape: type, message, code, stack, cause. */
function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(name)) safe[name] = '[redacted]';
    else if (value instanceof Error) safe[name] = describeError(value, 3);
    else safe[name] = value;
  }
  return safe;
}

interface DescribedError {
  type: string;
  message: string;
  code?: unknown;
  stack?: string;
  cause?: unknown;
}

function describeError(error: Error, depth: number): DescribedError {
  const { code, details, cause } = error as { code?: unknown; details?: unknown; cause?: unknown };
  return {
    type: error.name, message: error.message, stack: error.stack,
    ...(code === undefined ? {} : { code }),
    ...(details === undefined ? {} : { details }),
    ...(cause instanceof Error && depth > 1 ? { cause: describeError(cause, depth - 1) } : {}),
  };
}

function isDescribedError(value: unknown): value is DescribedError {
  return typeof value === 'object' && value !== null && typeof (value as DescribedError).type === 'string' && typeof (value as DescribedError).message === 'string';
}
