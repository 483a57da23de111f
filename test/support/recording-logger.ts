import type { Logger } from 'hipchat-connect';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that keeps every call, for tests that assert on what was logged and how often. */
export function recordingLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (fields: Record<string, unknown>, message: string) => void entries.push({ level, fields, message });
  return { logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') }, entries };
}

/**
 * An entry as an author's logger (pino, say) would print it, raw: none of the console logger's
 * redaction, so a test can look for a secret in everything that was handed over.
 */
export function printed(entry: LogEntry): string {
  return `${entry.level} ${entry.message} ${serialise(entry.fields)}`;
}

/** Fields as a logger would print them: errors with their message, stack and causes, all the way down. */
export function serialise(fields: Record<string, unknown>): string {
  return JSON.stringify(fields, (_name, value: unknown) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack, cause: value.cause } : value));
}
