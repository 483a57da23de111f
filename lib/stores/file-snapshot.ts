import { ConnectError } from '../errors';
import { parseInstallationRecord } from './installation-record';
import type { StoreSnapshot, StoredValue } from './store-state';

/**
 * Reads the FileStore's file back. Anything unexpected is an error that names the file: starting empty
 * instead would quietly drop every installation, and the next write would make that permanent.
 */
export function parseSnapshot(text: string, path: string): StoreSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw corrupt(path, 'is not valid JSON', cause);
  }
  if (!isObject(data) || data.version !== 1 || !isObject(data.installations) || !isObject(data.values)) {
    throw corrupt(path, 'is not a version 1 hipchat-connect store');
  }
  const snapshot: StoreSnapshot = { version: 1, installations: {}, values: {} };
  for (const [oauthId, record] of Object.entries(data.installations)) {
    const installation = parseInstallationRecord(record);
    if (installation?.oauthId !== oauthId) throw corrupt(path, `holds a damaged installation record (${oauthId})`);
    snapshot.installations[oauthId] = installation;
  }
  for (const [oauthId, values] of Object.entries(data.values)) {
    if (!isObject(values) || !Object.values(values).every(isStoredValue)) {
      throw corrupt(path, `holds damaged values for installation ${oauthId}`);
    }
    snapshot.values[oauthId] = values as Record<string, StoredValue>;
  }
  return snapshot;
}

function corrupt(path: string, problem: string, cause?: unknown): ConnectError {
  return new ConnectError(
    'STORE_UNAVAILABLE',
    `The store file ${path} ${problem}; repair it or move it away (an empty store forgets every installation)`,
    { cause, details: { path } },
  );
}

function isStoredValue(value: unknown): boolean {
  return isObject(value) && typeof value.value === 'string' &&
    (value.expiresAt === undefined || typeof value.expiresAt === 'number');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
