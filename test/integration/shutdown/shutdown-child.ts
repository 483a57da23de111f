/**
 * An add-on process for the shutdown tests: the demo add-on, served by `addon.listen` with its default
 * signal handling, on a FileStore or a RedisStore. It tells its parent where it listens and when a
 * slow listener or handler has started, so that the parent signals it in the middle of the work.
 */
import { setTimeout as delay } from 'node:timers/promises';
import Redis from 'ioredis';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { FileStore, RedisStore, silentLogger } from 'hipchat-connect';

export interface ShutdownChildConfig {
  store: { file: string } | { redisUrl: string; prefix: string };
  shutdownTimeoutMs: number;
  /** How long the `installed` listener of an oauthId starting with `slow` takes. */
  slowListenerMs: number;
  /** How long the handler of `/slow` messages takes. */
  slowHandlerMs: number;
}

export type ChildMessage = { listening: string } | { started: string };

const config = JSON.parse(process.argv[2]!) as ShutdownChildConfig;
const tell = (message: ChildMessage) => process.send?.(message);

async function main(): Promise<void> {
  const redis = 'redisUrl' in config.store ? new Redis(config.store.redisUrl) : undefined;
  const store = 'file' in config.store
    ? new FileStore({ path: config.store.file })
    : new RedisStore(redis!, { prefix: (config.store as { prefix: string }).prefix, logger: silentLogger });
  const addon = createWeatherAddon({ store, logger: silentLogger, development: true, limits: { shutdownTimeoutMs: config.shutdownTimeoutMs } });
  addon.on('installed', async ({ installation }) => {
    if (!installation.oauthId.startsWith('slow')) return;
    tell({ started: installation.oauthId });
    await delay(config.slowListenerMs);
  });
  addon.webhook('room_message', { key: 'slow', pattern: /^\/slow/ }, async () => {
    tell({ started: 'slow-webhook' });
    await delay(config.slowHandlerMs);
    return 'finished';
  });
  const server = await addon.listen({ port: 0, host: '127.0.0.1' });
  const address = server.address() as { port: number };
  tell({ listening: `http://127.0.0.1:${address.port}` });
}

void main();
