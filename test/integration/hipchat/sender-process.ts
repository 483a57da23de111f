/**
 * A separate add-on process for the token tests: it opens its own Redis connection and clients, says
 * `ready`, waits for `go` (so that every process starts sending at the same moment), sends its share of
 * room notifications all at once, each installation to its own room, reports how they went, and exits.
 */
import Redis from 'ioredis';
import { createInstallationClient, isConnectError, RedisStore, silentLogger, type Installation, type Scope } from 'hipchat-connect';

export interface SenderTask {
  redisUrl: string;
  prefix: string;
  installations: Installation[];
  /** One client per installation and scope set, as an add-on makes them for calls of different needs. */
  scopeSets: Scope[][];
  /** Notifications to send, spread over the installations in turn, then over the scope sets. */
  count: number;
}

export interface SenderReport {
  sent: number;
  failures: string[];
}

async function main(task: SenderTask): Promise<void> {
  const redis = new Redis(task.redisUrl);
  const store = new RedisStore(redis, { prefix: task.prefix, logger: silentLogger });
  // Thousands of requests at once on a busy machine are slow to answer; this test is about tokens, not speed.
  const options = { store, logger: silentLogger, timeoutMs: 60_000 };
  const clients = task.scopeSets.map((scopes) => task.installations.map((installation) => createInstallationClient(installation, { ...options, scopes })));
  await redis.ping();
  process.send!({ kind: 'ready' });
  await new Promise((resolve) => process.once('message', resolve));

  const outcomes = await Promise.allSettled(
    Array.from({ length: task.count }, (_, index) => {
      const turn = index % task.installations.length;
      const client = clients[Math.floor(index / task.installations.length) % clients.length]![turn]!;
      return client.rooms.notify(client.installation.roomId ?? 1, `notification ${index}`);
    }),
  );
  const failures = outcomes.flatMap((outcome) =>
    outcome.status === 'rejected' ? [isConnectError(outcome.reason) ? outcome.reason.code : String(outcome.reason)] : []);
  const report: SenderReport = { sent: outcomes.length - failures.length, failures };
  process.send!({ kind: 'report', report }, () => {
    redis.disconnect();
    process.disconnect();
  });
}

void main(JSON.parse(process.argv[2]!) as SenderTask);
