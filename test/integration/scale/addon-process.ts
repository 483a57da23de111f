/**
 * One add-on process of the multi-process test: the example add-on on its own Redis connection, serving
 * on a free loopback port, with `/notify` answered by a REST call (a token from the shared store) and
 * every lifecycle event told to the parent. Says `ready` with its URL; on `report`, answers with the
 * events it saw, closes everything and exits.
 */
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { createConsoleLogger, RedisStore, silentLogger } from 'hipchat-connect';

export interface AddonProcessTask {
  redisUrl: string;
  prefix: string;
}

export interface LifecycleReport {
  installed: string[];
  updated: string[];
  uninstalled: string[];
}

async function main(task: AddonProcessTask): Promise<void> {
  const redis = new Redis(task.redisUrl);
  const store = new RedisStore(redis, { prefix: task.prefix, logger: silentLogger });
  // Errors only: an unexpected one in a child process would otherwise leave nothing but a 500 to go on.
  const logger = { ...silentLogger, error: createConsoleLogger().error };
  const addon = createWeatherAddon({ store, logger, development: true });
  addon.webhook('room_message', { key: 'notify', pattern: /^\/notify$/ }, async (context) => {
    // To the room it was installed in: the test's payloads all name one made-up room.
    await context.client.rooms.notify(context.installation.roomId ?? context.roomId, `sent by process ${process.pid}`);
    return undefined;
  });
  const report: LifecycleReport = { installed: [], updated: [], uninstalled: [] };
  addon.on('installed', ({ installation }) => void report.installed.push(installation.oauthId));
  addon.on('updated', ({ installation }) => void report.updated.push(installation.oauthId));
  addon.on('uninstalled', ({ installation }) => void report.uninstalled.push(installation.oauthId));
  const server = await addon.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ kind: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  process.once('message', () => {
    server.closeAllConnections();
    server.close();
    void addon.close().then(() => store.close()).finally(() => {
      process.send!({ kind: 'report', report }, () => {
        redis.disconnect();
        process.disconnect();
      });
    });
  });
}

void main(JSON.parse(process.argv[2]!) as AddonProcessTask);
