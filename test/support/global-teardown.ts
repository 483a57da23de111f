import { rmSync } from 'node:fs';
import { STARTED_REDIS, type StartedRedis } from './global-setup';
import { signalAndWait } from './redis';

/** Stops the redis-server global-setup started, if it started one; a Redis found running is left alone. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<symbol, unknown>)[STARTED_REDIS] as StartedRedis | undefined;
  if (!started) return;
  await signalAndWait(started.server, 'SIGTERM');
  rmSync(started.directory, { recursive: true, force: true });
}
