/**
 * The add-ons under test in `npm run bench:scale`, in a process of their own: the example add-on twice,
 * each as a server of its own on its own RedisStore prefix: one over 100,000 installations, one over 10.
 * Prints one JSON line with their URLs; answers `stats` messages with its RSS and the add-ons' stats.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Redis from 'ioredis';
import type { AddonStats } from '../../lib/addon';
import { createWeatherAddon } from '../../lib/demo/weather';
import { silentLogger } from '../../lib/logger';
import { RedisStore } from '../../lib/stores/redis';

export interface ScaleTargets {
  many: string;
  few: string;
}

export interface ScaleStats {
  rss: number;
  heapUsed: number;
  /** What V8 has reserved for the heap (new space grows under load), and Buffers outside it. */
  heapTotal: number;
  external: number;
  many: AddonStats;
  few: AddonStats;
}

async function main(redisUrl: string, prefixes: { many: string; few: string }): Promise<void> {
  const redis = new Redis(redisUrl);
  const start = async (prefix: string) => {
    const addon = createWeatherAddon({ store: new RedisStore(redis, { prefix, logger: silentLogger }), logger: silentLogger, baseUrl: 'http://127.0.0.1' });
    return { addon, server: await addon.listen({ port: 0, host: '127.0.0.1' }) };
  };
  const many = await start(prefixes.many);
  const few = await start(prefixes.few);
  const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/weather`;
  const targets: ScaleTargets = { many: url(many.server), few: url(few.server) };
  process.stdout.write(`${JSON.stringify(targets)}\n`);
  process.on('message', () => {
    // Measured after a full collection (the parent forks this with --expose-gc): what is kept, not litter.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const stats: ScaleStats = { rss, heapUsed, heapTotal, external, many: many.addon.stats(), few: few.addon.stats() };
    process.send!(stats);
  });
}

void main(process.argv[2]!, JSON.parse(process.argv[3]!) as { many: string; few: string });
