import { MemoryStore, type ChangeFeedListener, type Installation, type Store } from 'hipchat-connect';
import { InstallationCache } from '../../../../lib/core/store';
import { fakeInstallation } from '../../../support/installations';

/** A store whose reads wait until the test lets them go, with a change feed the test drives. */
class SteeredStore extends MemoryStore implements Store {
  readonly held: (() => void)[] = [];
  reads = 0;
  feed: ChangeFeedListener | undefined;
  notify: ((oauthId: string) => void) | undefined;

  override async fetchInstallation(oauthId: string): Promise<Installation | undefined> {
    this.reads += 1;
    const found = await super.fetchInstallation(oauthId);
    await new Promise<void>((release) => this.held.push(release));
    return found;
  }

  async onInstallationChange(listener: (oauthId: string) => void, feed?: ChangeFeedListener): Promise<() => Promise<void>> {
    this.notify = listener;
    this.feed = feed;
    return async () => undefined;
  }

  releaseAll(): void {
    for (const release of this.held.splice(0)) release();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InstallationCache', () => {
  const installation = fakeInstallation();
  let store: SteeredStore;
  let cache: InstallationCache;

  beforeEach(async () => {
    store = new SteeredStore();
    await store.storeInstallation(installation);
    cache = new InstallationCache(store, { max: 10, ttlMs: 60_000, feedDownTtlMs: 50 });
    await cache.watch();
    store.feed?.subscribed();
  });

  it('reads again when a change notice meets a read, and never caches what the first read found', async () => {
    const lookup = cache.get(installation.oauthId);
    await tick();
    // The installation is removed and announced while the first read is under way.
    await store.deleteInstallation(installation.oauthId);
    store.notify?.(installation.oauthId);
    store.releaseAll();
    await tick();
    store.releaseAll();
    await expect(lookup).resolves.toBeUndefined();
    expect(store.reads).toBe(2);
  });

  it('shares one read between concurrent lookups', async () => {
    const lookups = [cache.get(installation.oauthId), cache.get(installation.oauthId)];
    await tick();
    store.releaseAll();
    await expect(Promise.all(lookups)).resolves.toEqual([installation, installation]);
    expect(store.reads).toBe(1);
  });

  it('drops every entry when the feed is subscribed again, and keeps entries briefly while it is down', async () => {
    const first = cache.get(installation.oauthId);
    await tick();
    store.releaseAll();
    await first;
    store.feed?.lost();
    await new Promise((resolve) => setTimeout(resolve, 80));
    const afterExpiry = cache.get(installation.oauthId);
    await tick();
    store.releaseAll();
    await afterExpiry;
    expect(store.reads).toBe(2);

    store.feed?.subscribed();
    const afterResubscribe = cache.get(installation.oauthId);
    await tick();
    store.releaseAll();
    await afterResubscribe;
    expect(store.reads).toBe(3);
  });
});

describe('InstallationCache stats', () => {
  it('counts hits and misses', async () => {
    const store = new MemoryStore();
    const installation = fakeInstallation();
    await store.storeInstallation(installation);
    const cache = new InstallationCache(store, { max: 10, ttlMs: 60_000, feedDownTtlMs: 5000 });
    await cache.get(installation.oauthId);
    await cache.get(installation.oauthId);
    await cache.get('unknown');
    expect(cache.stats()).toEqual({ hits: 1, misses: 2, size: 1, max: 10 });
  });
});

describe('InstallationCache when the change feed is lost', () => {
  it('shortens every entry to the feed-down lifetime, however many it holds', async () => {
    /** A store whose change feed the test switches on and off. */
    class FeedStore extends MemoryStore implements Store {
      listener: ChangeFeedListener | undefined;
      async onInstallationChange(_notice: (oauthId: string) => void, listener?: ChangeFeedListener): Promise<() => Promise<void>> {
        this.listener = listener;
        return async () => undefined;
      }
    }
    const store = new FeedStore();
    const installations = [1, 2, 3].map((n) => fakeInstallation({ oauthId: `oauth-${n}`, oauthSecret: `secret-of-installation-${n}-0123456789abcd` }));
    for (const each of installations) await store.storeInstallation(each);
    const cache = new InstallationCache(store, { max: 10, ttlMs: 60_000, feedDownTtlMs: 50 });
    await cache.watch();
    store.listener!.subscribed();
    for (const each of installations) await cache.get(each.oauthId);

    store.listener!.lost(); // several entries: moving each while walking them once looped for ever
    await new Promise((resolve) => setTimeout(resolve, 80));
    await store.deleteInstallation('oauth-2');
    await expect(cache.get('oauth-2')).resolves.toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 4 });
  });
});
