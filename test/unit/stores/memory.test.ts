import { MemoryStore } from 'hipchat-connect';
import { describeStoreContract } from '../../contract/store-contract';

describeStoreContract('MemoryStore', async () => {
  let now = Date.now();
  return {
    store: new MemoryStore({ now: () => now }),
    cleanup: async () => undefined,
    advance: async (ms) => {
      now += ms;
    },
  };
});
