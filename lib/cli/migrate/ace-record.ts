import { hostEndpointsFrom } from '../../core/install/capabilities';
import type { Installation } from '../../core/installation';
import { isConnectError } from '../../errors';

/** Where atlassian-connect-express-redis keeps an installation: `<clientKey>:clientInfo`, after any prefix. */
export const CLIENT_INFO_SUFFIX = ':clientInfo';

/** One record read from the old store: its key, and its value as text (Redis GET). */
export interface AceRecord {
  key: string;
  value: string;
}

type Conversion = { ok: true; installation: Installation } | { ok: false; problems: string[] };

/**
 * Turns the JSON that ACE-HipChat's `/installable` saved into a hipchat-connect installation, checked as
 * an install is: `clientKey` (the oauthId, and the key's own), `oauthSecret`, `groupId`, an optional
 * `roomId` and `groupName`, and the `capabilitiesDoc` it fetched, which must describe itself at
 * `capabilitiesUrl` and keep tokens and the API on that origin. Every problem is named, none thrown.
 */
export function convertAceRecord(record: AceRecord, prefix: string, now: Date): Conversion {
  let info: unknown;
  try {
    info = JSON.parse(record.value);
  } catch {
    return { ok: false, problems: ['the value is not JSON'] };
  }
  if (typeof info !== 'object' || info === null || Array.isArray(info)) return { ok: false, problems: ['the value is not a JSON object'] };
  const fields = info as Record<string, unknown>;
  const problems: string[] = [];
  const expectedKey = record.key.slice(prefix.length, -CLIENT_INFO_SUFFIX.length);
  const text = (name: string): string | undefined => {
    const value = fields[name];
    if (typeof value === 'string' && value !== '') return value;
    problems.push(`${name} must be a non-empty string`);
    return undefined;
  };
  const clientKey = text('clientKey');
  const oauthSecret = text('oauthSecret');
  const capabilitiesUrl = text('capabilitiesUrl');
  if (clientKey !== undefined && clientKey !== expectedKey) problems.push(`clientKey ${clientKey} is not the key's own (${expectedKey})`);
  if (!Number.isSafeInteger(fields.groupId)) problems.push('groupId must be an integer');
  if (fields.roomId != null && !Number.isSafeInteger(fields.roomId)) problems.push('roomId must be an integer when present');
  if (fields.groupName != null && typeof fields.groupName !== 'string') problems.push('groupName must be a string when present');
  const endpoints = capabilitiesUrl === undefined ? undefined : endpointsOf(fields.capabilitiesDoc, capabilitiesUrl, problems);
  if (problems.length > 0 || !clientKey || !oauthSecret || !capabilitiesUrl || !endpoints) return { ok: false, problems };

  const installation: Installation = {
    oauthId: clientKey,
    oauthSecret,
    groupId: fields.groupId as number,
    ...(typeof fields.groupName === 'string' ? { groupName: fields.groupName } : {}),
    ...(fields.roomId == null ? {} : { roomId: fields.roomId as number }),
    capabilitiesUrl,
    tokenUrl: endpoints.tokenUrl,
    apiUrl: endpoints.apiUrl,
    installedAt: now.toISOString(),
  };
  return { ok: true, installation };
}

function endpointsOf(document: unknown, capabilitiesUrl: string, problems: string[]) {
  if (!isHttpUrl(capabilitiesUrl)) {
    problems.push('capabilitiesUrl must be an absolute http(s) URL');
    return undefined;
  }
  try {
    return hostEndpointsFrom(document, capabilitiesUrl);
  } catch (error) {
    // A URL inside the document that does not parse throws a TypeError: as damaged as a failed check.
    problems.push(`capabilitiesDoc: ${isConnectError(error) ? error.message : 'holds a URL that does not parse'}`);
    return undefined;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}
