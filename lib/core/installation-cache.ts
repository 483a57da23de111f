import { LRUCache } from 'lru-cache';
import type { Store } from '../stores/store';
import type { Installation } from './installation';

export interface InstallationCacheOptions {
  /** Most installations held in memory. */
  max: number;
  /** A safety net for stores that cannot announce changes from other processes. */
  ttlMs: number;
}

export interface InstallationCacheStats {
  /** Lookups answered from memory, since the add-on started. */
  hits: number;
  /** Lookups that waited for the store (a read of their own, or one already under way). */
  misses: number;
  /** Installations held now, and the most it holds (`cache.max`). */
  size: number;
  max: number;
}

/**
 * Keeps verified requests off the store: a hit costs no round trip, concurrent misses for one oauthId
 * share one store read, and unknown ids are not cached (an install elsewhere is seen at once).
 * Changes in this process `forget` at once; changes in others arrive through the store's change feed.
 */
export class InstallationCache {
  private readonly cache: LRUCache<string, Installation>;
  private unsubscribe: (() => Promise<void>) | undefined;
  private readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly store: Store, options: InstallationCacheOptions) {
    this.cache = new LRUCache<string, Installation>({
      max: options.max,
      ttl: options.ttlMs,
      fetchMethod: (oauthId) => this.store.fetchInstallation(oauthId),
    });
  }

  /** Subscribes to the store's change feed; resolves once invalidations will arrive. */
  async watch(): Promise<void> {
    if (this.unsubscribe || !this.store.onInstallationChange) return;
    this.unsubscribe = await this.store.onInstallationChange((oauthId) => this.forget(oauthId));
  }

  get(oauthId: string): Promise<Installation | undefined> {
    const status: LRUCache.Status<string, Installation> = {};
    const found = this.cache.fetch(oauthId, { status });
    if (status.fetch === 'hit') this.counts.hits += 1;
    else this.counts.misses += 1;
    // A change notice that arrives while the store is being read aborts that read (`forget` deletes the
    // entry), and lru-cache then rejects with Error('deleted'): read again, after the change, instead.
    return found.catch((error: unknown) => (status.fetchAborted ? this.get(oauthId) : Promise.reject(error)));
  }

  /** For operators and the scale benchmark: how well the cache keeps requests off the store. */
  stats(): InstallationCacheStats {
    return { ...this.counts, size: this.cache.size, max: this.cache.max };
  }

  forget(oauthId: string): void {
    this.cache.delete(oauthId);
  }

  async close(): Promise<void> {
    this.cache.clear();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.();
  }
}
