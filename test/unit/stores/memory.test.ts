import { MemoryStore } from '../../../lib/stores/memory';
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
