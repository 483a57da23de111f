import { setTimeout as delay } from 'node:timers/promises';
import { InstallationCache } from '../../../lib/core/installation-cache';
import { MemoryStore } from '../../../lib/stores/memory';
import { fakeInstallation } from '../../support/installations';

/** A store that answers after `ms`, so a change can arrive while a read is under way. */
class SlowStore extends MemoryStore {
  override async fetchInstallation(oauthId: string) {
    const found = await super.fetchInstallation(oauthId);
    await delay(50);
    return found;
  }
}

describe('InstallationCache', () => {
  it('answers a lookup whose store read was under way when a change notice came, with the record as it is now', async () => {
    const store = new SlowStore();
    const before = fakeInstallation();
    await store.storeInstallation(before);
    const cache = new InstallationCache(store, { max: 10, ttlMs: 60_000 });
    const lookup = cache.get(before.oauthId);
    const after = { ...before, oauthSecret: 'rotated-secret-0123456789abcdef' };
    await store.storeInstallation(after);
    cache.forget(before.oauthId); // the notice of that change, from another process
    await expect(lookup).resolves.toEqual(after);
    await expect(cache.get(before.oauthId)).resolves.toEqual(after);
  });

  it('counts hits and misses', async () => {
    const store = new MemoryStore();
    const installation = fakeInstallation();
    await store.storeInstallation(installation);
    const cache = new InstallationCache(store, { max: 10, ttlMs: 60_000 });
    await cache.get(installation.oauthId);
    await cache.get(installation.oauthId);
    await cache.get('unknown');
    expect(cache.stats()).toEqual({ hits: 1, misses: 2, size: 1, max: 10 });
  });
});
