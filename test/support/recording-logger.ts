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
