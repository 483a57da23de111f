import { parseArgs } from 'node:util';
import { SECRET_KEY_VARIABLE, keyringFrom } from '../../stores/secret-keys';
import { rotateFileKeys } from '../../stores/file-rotation';
import { rotateRedisKeys, type RotationClient } from '../../stores/redis-rotation';
import type { RotationProgress } from '../../stores/rotation';
import { print } from '../print';

const USAGE = `Usage: hipchat-connect rotate-keys (--redis <url> | --cluster <host:port,…> | --sentinels <host:port,…> --name <master> | --file <path>) [options]

Re-encrypts every installation secret and stored value with the first key of ${SECRET_KEY_VARIABLE}
(keys in base64, comma-separated, newest first; the others still decrypt). Safe while the add-on runs on
Redis: each record is replaced only if it is unchanged since it was read. Resumable: records already on
the first key are skipped, so an interrupted run is simply run again.

Give every add-on process the new key list first, then rotate, then drop the old key.

Options:
  --redis <url>            a standalone Redis (redis://host:port)
  --cluster <nodes>        a Redis Cluster: several start-up nodes, comma-separated
  --sentinels <nodes>      Redis Sentinel: the sentinels, comma-separated, with --name
  --name <master>          the master's name the sentinels know
  --prefix <prefix>        the RedisStore's prefix (default hipchat:)
  --file <path>            a FileStore's file (stop the add-on first: it would write its older copy back)
  -h, --help               show this help

Exit codes: 0 every record is on the first key, 1 some could not be decrypted or the store failed, 2 a usage mistake.`;

/** `hipchat-connect rotate-keys`: re-encrypt every secret at rest with the first key. */
export async function run(args: string[]): Promise<number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(args);
  } catch (error) {
    return print(process.stderr, `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
  if (values.help) return print(process.stdout, USAGE, 0);
  const targets = [values.redis, values.cluster, values.sentinels, values.file].filter((value) => value !== undefined);
  if (targets.length !== 1) return print(process.stderr, `Give exactly one of --redis, --cluster, --sentinels or --file.\n\n${USAGE}`, 2);
  if (values.sentinels && !values.name) return print(process.stderr, `--sentinels needs --name.\n\n${USAGE}`, 2);
  const keys = keyringFrom(undefined);
  if (!keys) return print(process.stderr, `${SECRET_KEY_VARIABLE} is not set: it holds the keys, the new one first.`, 2);

  const started = Date.now();
  let lastPrinted = 0;
  const onProgress = (progress: RotationProgress, force = false) => {
    if (!force && Date.now() - lastPrinted < 1000) return;
    lastPrinted = Date.now();
    process.stdout.write(`${line(progress)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  };
  process.stdout.write(`Re-encrypting with key ${keys.currentId}\n`);
  const progress = values.file !== undefined
    ? await rotateFileKeys(values.file, keys, onProgress)
    : await withRedis(values, (redis) => rotateRedisKeys(redis, values.prefix, keys, onProgress));
  onProgress(progress, true);
  for (const failure of progress.failed) {
    process.stderr.write(`✗ ${failure.where}: ${failure.code}${failure.keyId ? ` (key ${failure.keyId})` : ''}\n`);
  }
  if (progress.failed.length > 0) {
    return print(process.stderr, `${progress.failed.length} record(s) not re-encrypted: add the key(s) named above to ${SECRET_KEY_VARIABLE} and run again.`, 1);
  }
  return print(process.stdout, `✓ Every secret is encrypted with key ${keys.currentId}`, 0);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      redis: { type: 'string' }, cluster: { type: 'string' }, sentinels: { type: 'string' }, name: { type: 'string' },
      prefix: { type: 'string', default: 'hipchat:' }, file: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

interface RedisTarget { redis?: string; cluster?: string; sentinels?: string; name?: string }

async function withRedis<T>(target: RedisTarget, work: (redis: RotationClient) => Promise<T>): Promise<T> {
  // Loaded only here: ioredis is an optional peer dependency, needed by Redis users only.
  const { default: Redis, Cluster } = await import('ioredis');
  const nodes = (list: string) => list.split(',').map((node) => {
    const [host, port] = node.trim().split(':');
    return { host: host || '127.0.0.1', port: Number(port ?? 6379) };
  });
  const options = { maxRetriesPerRequest: 3, connectTimeout: 5000 };
  const redis = target.cluster ? new Cluster(nodes(target.cluster), { redisOptions: options })
    : target.sentinels ? new Redis({ sentinels: nodes(target.sentinels), name: target.name!, ...options })
    : new Redis(target.redis!, options);
  try {
    // A Cluster client knows its nodes only once ready, and the scan walks those nodes.
    await new Promise((resolve, reject) => redis.once('ready', resolve).once('error', reject));
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

function line(progress: RotationProgress): string {
  return `${progress.installations} installations and ${progress.values} values checked: ${progress.resealed} re-encrypted, ` +
    `${progress.current} already on the first key, ${progress.failed.length} failed`;
}
