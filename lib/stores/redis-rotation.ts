import type { Installation } from '../core/installation';
import { ConnectError } from '../errors';
import { parseInstallationJson } from './installation-record';
import { escapeGlob } from './redis-layout';
import { emptyProgress, resealInstallation, resealValue, tally, type RotationProgress } from './rotation';
import type { SecretKeyring } from './secret-keys';

interface ScanningNode {
  scanStream(options: { match: string; count: number }): NodeJS.ReadableStream;
}

/** What rotation needs of an ioredis Redis or Cluster; typed here so that only redis.ts imports ioredis. */
export interface RotationClient extends Partial<ScanningNode> {
  get(key: string): Promise<string | null>;
  eval(script: string, numberOfKeys: number, ...args: string[]): Promise<unknown>;
  /** A Cluster's nodes: SCAN sees the keys of one node only, so each master is scanned. */
  nodes?(role: 'master'): ScanningNode[];
  readonly isCluster?: boolean;
}

/**
 * Replaces a value only if it is still the one that was read, keeping its time to live: a change the
 * running add-on made meanwhile is never overwritten (it is read again and handled on the next try).
 */
const COMPARE_AND_SET = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[1], ARGV[2]) end
return 1`;

const ATTEMPTS = 5;

/**
 * Re-seals every installation secret and value under `prefix` with the first key: one SCAN over the
 * keys (every master, on a Cluster), each record changed by compare-and-set so the add-on may keep
 * running. Records already on the first key are skipped, which is what makes an interrupted run
 * resumable: running it again picks up where it stopped, at the cost of reading what is done.
 */
export async function rotateRedisKeys(
  redis: RotationClient, prefix: string, keys: SecretKeyring, onProgress: (progress: RotationProgress) => void,
): Promise<RotationProgress> {
  const progress = emptyProgress();
  for (const node of scanners(redis)) {
    for await (const batch of node.scanStream({ match: `${escapeGlob(prefix)}{*`, count: 500 }) as AsyncIterable<string[]>) {
      await Promise.all(batch.map((key) => rotateKey(redis, prefix, key, keys, progress)));
      onProgress(progress);
    }
  }
  return progress;
}

async function rotateKey(redis: RotationClient, prefix: string, key: string, keys: SecretKeyring, progress: RotationProgress): Promise<void> {
  const parsed = parseKey(prefix, key);
  if (!parsed) return;
  if (parsed.kind === 'installation') progress.installations += 1;
  else progress.values += 1;
  await tally(progress, key, async () => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const stored = await redis.get(key);
      if (stored === null) return false; // uninstalled or expired meanwhile: nothing left to protect
      const resealed = parsed.kind === 'installation'
        ? resealedRecord(keys, parsed.oauthId, stored, key)
        : resealValue(keys, parsed.oauthId, parsed.name, stored);
      if (resealed === undefined) return false;
      if ((await redis.eval(COMPARE_AND_SET, 1, key, stored, resealed)) === 1) return true;
    }
    throw new ConnectError('STORE_UNAVAILABLE', `${key} kept changing during ${ATTEMPTS} attempts to re-encrypt it`, { details: { key } });
  });
}

function resealedRecord(keys: SecretKeyring, oauthId: string, json: string, key: string): string | undefined {
  const record: Installation | undefined = parseInstallationJson(json);
  if (record?.oauthId !== oauthId) throw new ConnectError('STORE_UNAVAILABLE', `The installation record at ${key} is damaged`, { details: { key } });
  const resealed = resealInstallation(keys, record);
  return resealed && JSON.stringify(resealed);
}

function scanners(redis: RotationClient): ScanningNode[] {
  if (redis.isCluster && redis.nodes) {
    const masters = redis.nodes('master');
    if (masters.length === 0) throw new ConnectError('STORE_UNAVAILABLE', 'The Cluster client knows no master yet: wait for its ready event', { details: {} });
    return masters;
  }
  const { scanStream } = redis;
  if (!scanStream) throw new ConnectError('OPTION_INVALID', 'options.redis must be an ioredis Redis or Cluster client', { details: { option: 'redis' } });
  return [{ scanStream: (options) => scanStream.call(redis, options) }];
}

type ParsedKey = { kind: 'installation'; oauthId: string } | { kind: 'value'; oauthId: string; name: string };

/** The inverse of redis-layout's installationKeys: `<prefix>{<encoded oauthId>}:installation` or `…:v:<name>`. */
function parseKey(prefix: string, key: string): ParsedKey | undefined {
  if (!key.startsWith(`${prefix}{`)) return undefined;
  const end = key.indexOf('}:', prefix.length);
  if (end < 0) return undefined;
  const oauthId = decodeURIComponent(key.slice(prefix.length + 1, end));
  const rest = key.slice(end + 2);
  if (rest === 'installation') return { kind: 'installation', oauthId };
  if (rest.startsWith('v:')) return { kind: 'value', oauthId, name: rest.slice(2) };
  return undefined; // the index of value names holds no secret
}
