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

/** Discards everything; for tests and for authors who want silence. */
export const silentLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

/**
 * The default: quiet about the ordinary (debug, info), one line on stderr for what needs attention.
 * Fields pass through `redact` first, so a secret handed to a log call by mistake never reaches output.
 */
export function createConsoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const write = (level: string) => (fields: Record<string, unknown>, message: string) => {
    stream.write(`${JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...redact(fields) })}\n`);
  };
  return { debug() {}, info() {}, warn: write('warn'), error: write('error') };
}

const SECRET_FIELD = /secret|token|password|authorization|signed_request/i;

/** Replaces secret-looking fields and turns errors into their code, message and (server-side) stack. */
export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(name)) safe[name] = '[redacted]';
    else if (value instanceof Error) safe[name] = describeError(value);
    else safe[name] = value;
  }
  return safe;
}

function describeError(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }), stack: error.stack };
}
