/** Writes to a FileStore at argv[2] for ever, each write large enough to take a while: to be killed mid-write. */
import { FileStore } from 'hipchat-connect';

const store = new FileStore({ path: process.argv[2]! });
const padding = 'x'.repeat(8 * 1024 * 1024);

void (async () => {
  for (let round = 0; ; round++) {
    await store.setValue('o1', 'padding', `${round}${padding}`);
    process.send?.('written');
  }
})();
