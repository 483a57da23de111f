import { randomBytes } from 'node:crypto';
import type { Cluster } from 'ioredis';
import { silentLogger } from '../../../lib/logger';
import { RedisStore } from '../../../lib/stores/redis';
import { describeStoreContract } from '../../contract/store-contract';
import { deleteUnderPrefixOnCluster, startCluster, type TestCluster } from '../../support/redis-cluster';
import { describeIfRedisSupports } from '../../support/redis-servers';
import { describeFailover } from './failover-scenario';

/**
 * RedisStore on a Redis Cluster of this file's own (3 masters, 3 replicas): the Store contract through
 * a Cluster client, then a master killed under load. The cluster starts once, for the whole file.
 */
describeIfRedisSupports('RedisStore on Redis Cluster', () => {
  let cluster: TestCluster;
  let client: Cluster;

  beforeAll(async () => {
    cluster = await startCluster();
    client = cluster.client();
    client.on('error', () => undefined); // the fail-over below reaches this client too
  }, 60_000);
  afterAll(async () => {
    client?.disconnect();
    await cluster?.stop();
  });

  describeStoreContract('RedisStore with a Cluster client', async () => {
    const prefix = `contract:${randomBytes(4).toString('hex')}:`;
    const store = new RedisStore(client, { prefix, logger: silentLogger });
    return { store, cleanup: () => store.close().then(() => deleteUnderPrefixOnCluster(client, prefix)) };
  });

  describeFailover('Redis Cluster', () => ({
    client: () => cluster.client(),
    masterOf: (key) => cluster.masterOf(key),
    kill: (port) => cluster.kill(port),
    failedOver: (port) => cluster.failedOver(port),
  }));
});
