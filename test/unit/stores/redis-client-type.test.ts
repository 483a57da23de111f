import { Cluster, Redis } from 'ioredis';
import type { RedisClient } from 'hipchat-connect';

/**
 * RedisStore types its client structurally (so its declarations need no ioredis); this is where the
 * type checker (`npm run typecheck`) holds that structure to both real ioredis clients.
 */
it('takes an ioredis Redis and an ioredis Cluster as its client', () => {
  const standalone: RedisClient = new Redis({ lazyConnect: true });
  const cluster: RedisClient = new Cluster([], { lazyConnect: true });
  expect([standalone.isCluster, cluster.isCluster]).toEqual([false, true]);
  standalone.disconnect();
  cluster.disconnect();
});
