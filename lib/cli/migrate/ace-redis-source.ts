import { escapeGlob } from '../../stores/redis-layout';
import { CLIENT_INFO_SUFFIX, type AceRecord } from './ace-record';

/** What the migration asks of a Redis connection: SCAN and GET (ioredis's signatures). */
export interface RedisReader {
  scan(cursor: string, match: 'MATCH', pattern: string, count: 'COUNT', size: number): Promise<[cursor: string, keys: string[]]>;
  get(key: string): Promise<string | null>;
}

/**
 * Every `<prefix><clientKey>:clientInfo` key, sorted so that runs list records in the same order. SCAN
 * rather than KEYS: a production Redis is not blocked while it walks the keyspace. SCAN may repeat a
 * key, hence the set. Other keys ACE kept (tokens under `<clientKey>:<scopes>`) are left behind: they
 * were issued for the old framework and the new one asks for its own.
 */
export async function clientInfoKeys(redis: RedisReader, prefix: string): Promise<string[]> {
  const pattern = `${escapeGlob(prefix)}*${CLIENT_INFO_SUFFIX}`;
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    for (const key of batch) keys.add(key);
    cursor = next;
  } while (cursor !== '0');
  return [...keys].sort();
}

/** The record at the key; undefined when it went away between SCAN and GET. */
export async function readRecord(redis: RedisReader, key: string): Promise<AceRecord | undefined> {
  const value = await redis.get(key);
  return value === null ? undefined : { key, value };
}
