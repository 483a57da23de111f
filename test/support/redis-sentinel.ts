import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis, { type RedisOptions } from 'ioredis';
import { ask, until } from './redis-cluster';
import { freePorts, QUICK_SYNC, RedisServers } from './redis-servers';

export const MASTER_NAME = 'hipchat-test';
/** Short, so a killed master is replaced within a few seconds; long enough for a loaded machine. */
const DOWN_AFTER_MS = 1000;

export interface TestSentinel {
  sentinels: Array<{ host: string; port: number }>;
  /** A client that asks the sentinels where the master is, as an add-on on Sentinel does. */
  client(options?: RedisOptions): Redis;
  /** The master's port, as the sentinels see it. */
  masterPort(): Promise<number>;
  kill(port: number): Promise<void>;
  /** Resolves with the new master's port once every sentinel names a promoted replica in place of `port`. */
  failedOver(port: number, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A Sentinel set of the test file's own: a master, 2 replicas and 3 sentinels (quorum 2) on free loopback
 * ports, each group started in parallel. Resolves once the replicas are in sync and every sentinel knows
 * both replicas and both other sentinels, so a fail-over can happen from the first test on.
 */
export async function startSentinel(): Promise<TestSentinel> {
  const servers = new RedisServers();
  const [master, ...rest] = await freePorts(6);
  const replicas = rest.slice(0, 2);
  const sentinelPorts = rest.slice(2);
  try {
    await servers.start([master!, ...replicas], (_, index) => (index === 0 ? QUICK_SYNC : [...QUICK_SYNC, '--replicaof', '127.0.0.1', String(master)]));
    await until(async () => (await Promise.all(replicas.map((port) => ask(port, 'INFO', 'replication'))))
      .every((info) => String(info).includes('master_link_status:up')), 15_000, 'the replicas to sync');
    await servers.start(sentinelPorts, (port) => {
      const file = join(servers.directory, `sentinel-${port}.conf`);
      // Sentinel rewrites its file as it learns, so each needs one of its own.
      writeFileSync(file, [
        `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${master} 2`,
        `sentinel down-after-milliseconds ${MASTER_NAME} ${DOWN_AFTER_MS}`,
        `sentinel failover-timeout ${MASTER_NAME} 10000`,
        '',
      ].join('\n'));
      return [file, '--sentinel'];
    });
    await until(async () => (await Promise.all(sentinelPorts.map(async (port) => {
      const fields = (await ask(port, 'SENTINEL', 'MASTER', MASTER_NAME)) as string[];
      const field = (name: string) => Number(fields[fields.indexOf(name) + 1]);
      return field('num-slaves') === 2 && field('num-other-sentinels') === 2;
    }))).every(Boolean), 15_000, 'the sentinels to know each other');
  } catch (error) {
    await servers.stop();
    throw error;
  }
  const sentinels = sentinelPorts.map((port) => ({ host: '127.0.0.1', port }));
  const masterPort = async () => {
    for (const { port } of sentinels) {
      const address = (await ask(port, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER_NAME).catch(() => undefined)) as string[] | undefined;
      if (address) return Number(address[1]);
    }
    throw new Error('no sentinel answers');
  };
  return {
    sentinels,
    client: (options = {}) => new Redis({ sentinels, name: MASTER_NAME, connectTimeout: 1000, ...options }),
    masterPort,
    kill: (port) => servers.kill(port),
    failedOver: async (port, timeoutMs = 20_000) => {
      let promoted = port;
      // Every sentinel, not only the leader: a client asks them in turn and follows the first answer.
      await until(async () => {
        const seen = await Promise.all(sentinels.map(({ port: sentinel }) => ask(sentinel, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER_NAME)));
        promoted = Number((seen[0] as string[])[1]);
        const agreed = seen.every((address) => Number((address as string[])[1]) === promoted);
        return agreed && promoted !== port && String(await ask(promoted, 'INFO', 'replication')).includes('role:master');
      }, timeoutMs, `the sentinels to replace ${port}`);
      return promoted;
    },
    stop: () => servers.stop(),
  };
}
