import Redis from 'ioredis';
import { FileStore, RedisStore, type Store } from 'hipchat-connect';

/** The store and how to let go of it when the add-on stops. */
export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

/**
 * Redis when `REDIS_URL` is set (several processes, or a host that wipes its disk), else the file
 * store at `.hipchat-connect/store.json` in the folder the add-on starts in: installations survive a
 * restart either way, so nobody has to install the add-on again after a deploy.
 */
export function storeFromEnvironment(env: NodeJS.ProcessEnv = process.env): OpenedStore {
  if (!env.REDIS_URL) {
    const store = new FileStore();
    return { store, close: () => store.close() };
  }
  const redis = new Redis(env.REDIS_URL);
  const store = new RedisStore(redis);
  return {
    store,
    async close() {
      await store.close();
      await redis.quit();
    },
  };
}
