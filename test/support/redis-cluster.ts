import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import Redis, { Cluster, type ClusterOptions } from 'ioredis';
import { freePorts, QUICK_SYNC, RedisServers } from './redis-servers';

const run = promisify(execFile);
/** Short, so a killed master is replaced within a few seconds; long enough for a loaded machine. */
const NODE_TIMEOUT_MS = 1500;

export interface TestCluster {
  /** Every node, as start-up nodes for a client: any one of them alive is enough to find the rest. */
  nodes: Array<{ host: string; port: number }>;
  client(options?: ClusterOptions): Cluster;
  /** The port of the master that serves the slot of `key`. */
  masterOf(key: string): Promise<number>;
  /** Ends a node with SIGKILL. */
  kill(port: number): Promise<void>;
  /** Resolves once a replica of `port` took over its slots and every other node sees the cluster ok. */
  failedOver(port: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A Redis Cluster of the test file's own: 3 masters and 3 replicas on free loopback ports, started in
 * parallel and joined with `redis-cli --cluster create`. Resolves once every slot is served and every
 * replica is in sync, so a fail-over can happen from the first test on.
 */
export async function startCluster(): Promise<TestCluster> {
  const servers = new RedisServers();
  // The bus port is the data port + 10000 unless told otherwise, which Redis before 7 cannot be.
  const ports = await freePorts(6, 10_000);
  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  try {
    await servers.start(ports, (port) => [
      '--cluster-enabled', 'yes', '--cluster-node-timeout', String(NODE_TIMEOUT_MS), ...QUICK_SYNC,
      '--cluster-config-file', `${servers.directory}/nodes-${port}.conf`,
    ]);
    await run('redis-cli', ['--cluster', 'create', ...nodes.map(({ host, port }) => `${host}:${port}`), '--cluster-replicas', '1', '--cluster-yes']);
    await until(async () => (await Promise.all(ports.map(settled))).every(Boolean), 20_000, 'the cluster to settle');
  } catch (error) {
    await servers.stop();
    throw error;
  }
  return {
    nodes,
    client: (options = {}) => new Cluster(nodes, { ...options, redisOptions: { connectTimeout: 1000, ...options.redisOptions } }),
    masterOf: async (key) => {
      const alive = ports[0]!;
      const slot = Number(await ask(alive, 'CLUSTER', 'KEYSLOT', key));
      return (await slotOwners(alive)).find((range) => slot >= range.from && slot <= range.to)!.port;
    },
    kill: (port) => servers.kill(port),
    failedOver: async (port, timeoutMs = 20_000) => {
      const others = ports.filter((other) => other !== port);
      await until(async () => {
        const owners = await slotOwners(others[0]!);
        const states = await Promise.all(others.map((other) => ask(other, 'CLUSTER', 'INFO')));
        return owners.every((range) => range.port !== port) && states.every((info) => String(info).includes('cluster_state:ok'));
      }, timeoutMs, `a replica to take over from ${port}`);
    },
    stop: () => servers.stop(),
  };
}

/** A node that sees the whole cluster ok, and (if a replica) whose link to its master is up. */
async function settled(port: number): Promise<boolean> {
  const [info, replication] = await Promise.all([ask(port, 'CLUSTER', 'INFO'), ask(port, 'INFO', 'replication')]);
  if (!String(info).includes('cluster_state:ok')) return false;
  return !String(replication).includes('role:slave') || String(replication).includes('master_link_status:up');
}

async function slotOwners(port: number): Promise<Array<{ from: number; to: number; port: number }>> {
  const slots = (await ask(port, 'CLUSTER', 'SLOTS')) as Array<[number, number, [string, number, ...unknown[]]]>;
  return slots.map(([from, to, [, owner]]) => ({ from, to, port: owner }));
}

/** One command on a short-lived connection to one node, with no retries (a dead node answers at once). */
export async function ask(port: number, command: string, ...args: string[]): Promise<unknown> {
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await redis.call(command, ...args);
  } finally {
    redis.disconnect();
  }
}

export async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(50);
  }
}

/** Deletes the keys under `prefix` on every master (SCAN sees one node's keys only), for tests. */
export async function deleteUnderPrefixOnCluster(cluster: Cluster, prefix: string): Promise<void> {
  await Promise.all(cluster.nodes('master').map(async (node) => {
    for await (const keys of node.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
      // One DEL per key: keys of different installations sit in different slots.
      await Promise.all(keys.map((key) => node.del(key)));
    }
  }));
}
