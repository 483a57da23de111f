import { randomBytes } from 'node:crypto';
import type { Cluster } from 'ioredis';
import { EncryptedStore, RedisStore, SecretKeyring, silentLogger } from 'hipchat-connect';
import { run as rotateKeys } from '../../../lib/cli/commands/rotate-keys';
import { installationKeys } from '../../../lib/stores/redis-layout';
import { describeStoreContract, makeInstallation } from '../../contract/store-contract';
import { runCommand } from '../../support/cli';
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

  it('rotate-keys re-encrypts the records of every master', async () => {
    const prefix = `rotate:${randomBytes(4).toString('hex')}:`;
    const [oldKey, newKey] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const store = new RedisStore(client, { prefix, logger: silentLogger });
    const installations = Array.from({ length: 30 }, () => makeInstallation());
    const sealedWithOld = new EncryptedStore(store, new SecretKeyring([oldKey]));
    for (const installation of installations) await sealedWithOld.storeInstallation(installation);
    const masters = new Set(await Promise.all(installations.map((installation) =>
      cluster.masterOf(installationKeys(prefix, installation.oauthId).installation))));
    expect(masters.size).toBe(3);

    process.env.HIPCHAT_CONNECT_SECRET_KEY = `${newKey},${oldKey}`;
    const nodes = cluster.nodes.slice(0, 2).map(({ host, port }) => `${host}:${port}`).join(',');
    const outcome = await runCommand(rotateKeys, '--cluster', nodes, '--prefix', prefix).finally(() => delete process.env.HIPCHAT_CONNECT_SECRET_KEY);
    expect(outcome.stdout).toContain('30 installations and 0 values checked: 30 re-encrypted');
    const onlyNew = new EncryptedStore(store, new SecretKeyring([newKey]));
    for (const installation of installations) await expect(onlyNew.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
    await deleteUnderPrefixOnCluster(client, prefix);
  });

  describeFailover('Redis Cluster', () => ({
    client: () => cluster.client(),
    masterOf: (key) => cluster.masterOf(key),
    kill: (port) => cluster.kill(port),
    failedOver: (port) => cluster.failedOver(port),
  }));
});
