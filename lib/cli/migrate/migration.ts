import type { Installation } from '../../core/installation';
import type { Store } from '../../core/store';
import { convertAceRecord } from './ace-record';
import { clientInfoKeys, readRecord, type RedisReader } from './ace-redis-source';
import type { Progress } from './progress';

/** What became of one record: written anew, brought up to date, already there, or left out and why. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'damaged' | 'conflict';

export interface RecordResult {
  key: string;
  outcome: Outcome;
  /** What was written, or would be in a dry run. */
  installation?: Installation;
  /** Why a record was left out. */
  problems?: string[];
}

interface MigrationOptions {
  source: RedisReader;
  /** Before `<clientKey>:clientInfo`; empty for ACE's default. */
  prefix: string;
  target: Store;
  /** Reads and compares everything, writes nothing. */
  dryRun: boolean;
  now: () => Date;
  progress: (total: number) => Progress;
}

/**
 * Copies ACE-HipChat's installations into a hipchat-connect store, record by record. A record that fails
 * the checks is left out and reported, never written; one already in the target with the same
 * credentials is left alone (so a second run changes nothing), and one stored there with another
 * secret is never replaced: that is the re-install hijack the add-on itself refuses.
 */
export async function migrateAceRedis(options: MigrationOptions): Promise<RecordResult[]> {
  const keys = await clientInfoKeys(options.source, options.prefix);
  const progress = options.progress(keys.length);
  const results: Array<RecordResult | undefined> = [];
  let next = 0;
  let failed = false;
  // Several records in flight: Redis pipelines them, and the file store writes its file once for all
  // the changes that arrive while it writes, where one at a time it rewrote the whole file per record.
  const worker = async () => {
    while (!failed && next < keys.length) {
      const index = next++;
      try {
        results[index] = await migrateOne(keys[index] as string, options);
      } catch (error) {
        failed = true;
        throw error;
      }
      progress.tick();
    }
  };
  try {
    const settled = await Promise.allSettled(Array.from({ length: Math.min(IN_FLIGHT, keys.length) }, worker));
    const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    progress.stop();
  }
  return results.filter((result): result is RecordResult => result !== undefined);
}

/** Records migrated at once: enough to fill a pipeline, few enough to keep memory flat. */
const IN_FLIGHT = 32;

async function migrateOne(key: string, options: MigrationOptions): Promise<RecordResult | undefined> {
  const record = await readRecord(options.source, key);
  // Gone since the SCAN: an uninstall in the old add-on, which is nothing to migrate.
  if (!record) return undefined;
  const now = options.now();
  const conversion = convertAceRecord(record, options.prefix, now);
  if (!conversion.ok) return { key, outcome: 'damaged', problems: conversion.problems };
  const fresh = conversion.installation;
  const existing = await options.target.fetchInstallation(fresh.oauthId);
  if (!existing) return write(options, { key, outcome: 'created', installation: fresh });
  if (existing.oauthSecret !== fresh.oauthSecret) {
    return { key, outcome: 'conflict', problems: ['the target already holds this oauthId with another secret; left as it is'] };
  }
  const kept = { ...fresh, installedAt: existing.installedAt };
  if (sameRecord(existing, kept)) return { key, outcome: 'unchanged', installation: existing };
  return write(options, { key, outcome: 'updated', installation: { ...kept, updatedAt: now.toISOString() } });
}

async function write(options: MigrationOptions, result: RecordResult & { installation: Installation }): Promise<RecordResult> {
  if (!options.dryRun) await options.target.storeInstallation(result.installation);
  return result;
}

/** Equal in everything but `updatedAt`, which only says when a record was last rewritten. */
function sameRecord(a: Installation, b: Installation): boolean {
  const fields: Array<keyof Installation> = ['oauthId', 'oauthSecret', 'groupId', 'groupName', 'roomId', 'capabilitiesUrl', 'tokenUrl', 'apiUrl', 'installedAt'];
  return fields.every((field) => a[field] === b[field]);
}
