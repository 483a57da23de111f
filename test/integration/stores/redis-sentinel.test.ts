import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { RedisStore, silentLogger } from 'hipchat-connect';
import { describeStoreContract } from '../../contract/store-contract';
import { deleteUnderPrefix } from '../../support/redis';
import { describeIfRedisSupports } from '../../support/redis-servers';
import { startSentinel, type TestSentinel } from '../../support/redis-sentinel';
import { describeFailover } from './failover-scenario';

/**
 * RedisStore on a Sentinel set of this file's own (a master, 2 replicas, 3 sentinels): the Store
 * contract through a client that asks the sentinels for the master, then the master killed under load.
 */
describeIfRedisSupports('RedisStore on Redis Sentinel', () => {
  let sentinel: TestSentinel;
  let client: Redis;

  beforeAll(async () => {
    sentinel = await startSentinel();
    client = sentinel.client();
    client.on('error', () => undefined); // the fail-over below reaches this client too
  }, 60_000);
  afterAll(async () => {
    client?.disconnect();
    await sentinel?.stop();
  });

  describeStoreContract('RedisStore with a Sentinel client', async () => {
    const prefix = `contract:${randomBytes(4).toString('hex')}:`;
    const store = new RedisStore(client, { prefix, logger: silentLogger });
    return { store, cleanup: () => store.close().then(() => deleteUnderPrefix(client, prefix)) };
  });

  describeFailover('Redis Sentinel', () => ({
    client: () => sentinel.client(),
    masterOf: () => sentinel.masterPort(),
    kill: (port) => sentinel.kill(port),
    failedOver: async (port) => void (await sentinel.failedOver(port)),
  }));
});
