import type { Installation } from '../core/installation';

/**
 * Stores keep installations as JSON written by this toolkit, but the bytes come back from a file or a
 * server others can touch. Checking the shape here means a damaged record is reported as such instead
 * of travelling on as an object whose `oauthSecret` is undefined.
 */
export function parseInstallationRecord(value: unknown): Installation | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const required = ['oauthId', 'oauthSecret', 'capabilitiesUrl', 'tokenUrl', 'apiUrl', 'installedAt'];
  if (!required.every((field) => typeof record[field] === 'string')) return undefined;
  if (typeof record.groupId !== 'number') return undefined;
  if (!optional(record.roomId, 'number') || !optional(record.groupName, 'string')) return undefined;
  if (!optional(record.updatedAt, 'string')) return undefined;
  return record as unknown as Installation;
}

export function parseInstallationJson(json: string): Installation | undefined {
  try {
    return parseInstallationRecord(JSON.parse(json));
  } catch {
    return undefined;
  }
}

/** A deep copy, so a caller that edits what it fetched or stored never edits the store's own record. */
export function copyInstallation(installation: Installation): Installation {
  return structuredClone(installation);
}

function optional(value: unknown, type: 'number' | 'string'): boolean {
  return value === undefined || typeof value === type;
}
