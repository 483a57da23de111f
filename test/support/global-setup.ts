import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort, pingRedis, spawnRedisServer } from './redis';

/** Where global-teardown finds the server this setup started; a registry symbol survives module reloads. */
export const STARTED_REDIS = Symbol.for('hipchat-connect.test.started-redis');

export interface StartedRedis {
  server: ChildProcess;
  /** The server's working directory, removed at teardown. */
  directory: string;
}

const HOW_TO_GET_ONE =
  'Install Redis (apt-get install redis-server, brew install redis) so that redis-server is on PATH, ' +
  'run one on 127.0.0.1:6379, or set REDIS_URL=redis://host:port.';

/**
 * Finds the Redis the tests use and publishes it as REDIS_URL, which jest's workers inherit: the one
 * REDIS_URL names, else one answering on 127.0.0.1:6379, else a redis-server started here. Without any,
 * the run stops with instructions; skipping the Redis tests would hide exactly what they are for.
 */
export default async function globalSetup(): Promise<void> {
  // The add-ons under test log at info by default; warnings and errors are what a test run should show.
  process.env.LOG_LEVEL ??= 'warn';
  const given = process.env.REDIS_URL;
  if (given) {
    if (await pingRedis(given)) return;
    throw new Error(`REDIS_URL (${withoutPassword(given)}) does not answer PING. ${HOW_TO_GET_ONE}`);
  }
  const local = 'redis://127.0.0.1:6379';
  if (await pingRedis(local)) {
    process.env.REDIS_URL = local;
    return;
  }
  try {
    const port = await freeLoopbackPort();
    const directory = mkdtempSync(join(tmpdir(), 'hipchat-connect-redis-'));
    const started: StartedRedis = { server: await spawnRedisServer(port, directory), directory };
    (globalThis as Record<symbol, unknown>)[STARTED_REDIS] = started;
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  } catch (error) {
    throw new Error(`No Redis answers on 127.0.0.1:6379 and redis-server could not be started (${String(error)}). ${HOW_TO_GET_ONE}`);
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
