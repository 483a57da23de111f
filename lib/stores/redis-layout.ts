import type { InstallationCondition } from '../core/store';

/**
 * Where the RedisStore keeps things. Every key of one installation carries the same hash tag, `{oauthId}`,
 * so Redis Cluster puts them in one slot: that is what lets one Lua script touch all of them atomically.
 * The oauthId is URI-encoded inside the tag so that no id (say, one holding `}` or `:v:`) can end the tag
 * early or produce another installation's key names.
 */
export interface InstallationKeys {
  /** The installation record, as JSON. */
  installation: string;
  /** A set naming every value key ever set for the installation, so it can be purged without SCAN. */
  index: string;
  /** Prefix of value keys; the index holds the part after it. */
  valueBase: string;
}

export function installationKeys(prefix: string, oauthId: string): InstallationKeys {
  const base = `${prefix}{${encodeId(oauthId)}}:`;
  return { installation: `${base}installation`, index: `${base}keys`, valueBase: `${base}v:` };
}

/**
 * `encodeURIComponent`, except that a lone UTF-16 surrogate (which it refuses with a URIError, and which
 * any JSON string may hold: `"\ud800"`) becomes `%uD800`. No other id encodes to that, since a `%` of the
 * id itself is encoded as `%25`; so every id has keys of its own, and an id that was never installed is
 * simply not found, as on the other stores.
 */
function encodeId(oauthId: string): string {
  let encoded = '';
  let from = 0;
  for (const lone of oauthId.matchAll(LONE_SURROGATE)) {
    encoded += `${encodeURIComponent(oauthId.slice(from, lone.index))}%u${lone[0].charCodeAt(0).toString(16).toUpperCase()}`;
    from = lone.index + 1;
  }
  return encoded + encodeURIComponent(oauthId.slice(from));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A text for a SCAN or KEYS pattern that matches itself only, even one holding glob characters. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, (character) => `\\${character}`);
}

export function changeChannel(prefix: string): string {
  return `${prefix}installation-changed`;
}

/**
 * The Lua scripts, each atomic on the server. Keys built inside a script come from KEYS (never ARGV) so
 * that a client's `keyPrefix` option, which ioredis applies to KEYS only, is honoured; they all share the
 * hash slot of KEYS[1], which Redis Cluster allows. The change notice is published by the same script as
 * the write, so a notice never goes out for a write that failed, nor a write succeeds without its notice.
 */
export const SCRIPTS = {
  /** KEYS: installation. ARGV: record JSON, channel, oauthId[, condition]. Returns 1 if written. */
  hipchatConnectStoreInstallation: {
    numberOfKeys: 1,
    lua: `${meetsCondition(4)}
redis.call('SET', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`,
  },
  /**
   * KEYS: installation, index, value base. ARGV: channel, oauthId[, condition]. Values that expired by
   * themselves leave their names in the index; deleting a name whose key is gone costs nothing.
   */
  hipchatConnectDeleteInstallation: {
    numberOfKeys: 3,
    lua: `${meetsCondition(3)}
for _, name in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  redis.call('DEL', KEYS[3] .. name)
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1`,
  },
  /** KEYS: value, index. ARGV: name, value, TTL in ms or '', '1' for only-if-absent. Returns 1 if written. */
  hipchatConnectSetValue: {
    numberOfKeys: 2,
    lua: `
local set = {'SET', KEYS[1], ARGV[2]}
if ARGV[3] ~= '' then
  table.insert(set, 'PX')
  table.insert(set, ARGV[3])
end
if ARGV[4] == '1' then table.insert(set, 'NX') end
if not redis.call(unpack(set)) then return 0 end
redis.call('SADD', KEYS[2], ARGV[1])
return 1`,
  },
  /** KEYS: value, index. ARGV: name[, expected value]. Deletes only when the value is the expected one. */
  hipchatConnectDeleteValue: {
    numberOfKeys: 2,
    lua: `
if #ARGV > 1 and redis.call('GET', KEYS[1]) ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1`,
  },
} as const;

/**
 * A script's condition (see InstallationCondition), as two trailing ARGV: `absent`, or `secret` and the
 * secret; none without a condition.
 */
export function conditionArguments(condition: InstallationCondition | undefined): string[] {
  if (condition === undefined) return [];
  return condition.ifSecret === null ? ['absent'] : ['secret', condition.ifSecret];
}

/**
 * Lua that ends the script with 0 unless the record at KEYS[1] meets the condition found from ARGV[at]
 * on: the compare of compare-and-set, on the server, in the same step as the write.
 */
function meetsCondition(at: number): string {
  return `
local mode = ARGV[${at}]
if mode then
  local stored = redis.call('GET', KEYS[1])
  if mode == 'absent' then
    if stored then return 0 end
  else
    if not stored then return 0 end
    local parsed, record = pcall(cjson.decode, stored)
    if not parsed or type(record) ~= 'table' or record.oauthSecret ~= ARGV[${at + 1}] then return 0 end
  end
end`;
}

/** The scripts as the methods `defineCommand` adds to the client. */
export interface ScriptCommands {
  hipchatConnectStoreInstallation(key: string, json: string, channel: string, oauthId: string, ...condition: string[]): Promise<number>;
  hipchatConnectDeleteInstallation(
    installation: string, index: string, valueBase: string, channel: string, oauthId: string, ...condition: string[]
  ): Promise<number>;
  hipchatConnectSetValue(
    value: string, index: string, name: string, content: string, ttlMs: string, ifAbsent: '1' | '',
  ): Promise<number>;
  hipchatConnectDeleteValue(value: string, index: string, name: string, ...ifValue: string[]): Promise<number>;
}
