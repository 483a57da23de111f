import { setTimeout as delay } from 'node:timers/promises';
import { ConnectError, MemoryStore, silentLogger } from 'hipchat-connect';
import { produceOnce } from '../../../lib/hipchat/store-lock';

/** A store whose first `failures` deletes fail, as Redis does while a fail-over is under way. */
class FailingDeletes extends MemoryStore {
  constructor(private failures: number) {
    super();
  }

  override async deleteValue(oauthId: string, key: string, ifValue?: string): Promise<void> {
    if (this.failures-- > 0) throw new ConnectError('STORE_UNAVAILABLE', 'Redis deleteValue failed: fail-over');
    return super.deleteValue(oauthId, key, ifValue);
  }
}

describe('produceOnce', () => {
  it('releases its lock once the store answers again, long before the lock would expire', async () => {
    const store = new FailingDeletes(2);
    const work = { published: async () => undefined, produce: async () => 'token' };
    await expect(produceOnce(store, 'o1', 'lock', work, { ttlMs: 30_000, logger: silentLogger })).resolves.toBe('token');
    expect(await store.getValue('o1', 'lock')).toBeDefined();
    const deadline = Date.now() + 2000;
    while ((await store.getValue('o1', 'lock')) !== undefined && Date.now() < deadline) await delay(20);
    expect(await store.getValue('o1', 'lock')).toBeUndefined();
  });

  it('leaves alone a lock another holder took meanwhile', async () => {
    const store = new FailingDeletes(1);
    const work = { published: async () => undefined, produce: async () => 'token' };
    await produceOnce(store, 'o1', 'lock', work, { ttlMs: 150, logger: silentLogger });
    await delay(200); // the first lock expired; someone else holds it now
    await store.setValue('o1', 'lock', 'another holder', { ifAbsent: true, ttlMs: 30_000 });
    await delay(1500);
    expect(await store.getValue('o1', 'lock')).toBe('another holder');
  });
});
