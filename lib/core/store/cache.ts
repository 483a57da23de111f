import { LRUCache } from 'lru-cache';
import type { Installation } from '../installation';
import type { Store } from './store';

export interface InstallationCacheOptions {
  /** Most installations held in memory. */
  max: number;
  /** A safety net for stores that cannot announce changes from other processes. */
  ttlMs: number;
  /**
   * The longest an entry lives while the store's change feed is down (or not subscribed yet): changes
   * made then by other processes are never announced, so this bounds how long one goes unseen.
   */
  feedDownTtlMs: number;
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

/** One store read, shared by the lookups that arrive while it runs. */
interface Read {
  result: Promise<Installation | undefined>;
  /** A change of this installation was announced while the read ran: what it found may predate it. */
  overtaken: boolean;
}

/** A lookup overtaken by changes this often in a row returns its last (fresh) read uncached. */
const MOST_READS = 3;

/**
 * Keeps verified requests off the store: a hit costs no round trip, concurrent misses for one oauthId
 * share one store read, and unknown ids are not cached (an install elsewhere is seen at once).
 * Changes in this process `forget` at once; changes in others arrive through the store's change feed.
 *
 * A record read while a change was announced is never cached, and the lookup reads again, so a notice
 * that meets a read neither fails the lookup nor leaves the old record behind. Notices published while
 * the feed is down are lost: meanwhile entries live at most `feedDownTtlMs`, and when the feed is
 * subscribed again every entry is dropped, to be read afresh.
 */
export class InstallationCache {
  private readonly entries: LRUCache<string, Installation>;
  private readonly reads = new Map<string, Read>();
  private unsubscribe: (() => Promise<void>) | undefined;
  /** Whether changes made elsewhere are announced right now; a store without a feed serves one process. */
  private feedUp: boolean;
  private readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly store: Store, private readonly options: InstallationCacheOptions) {
    this.entries = new LRUCache<string, Installation>({ max: options.max, ttl: options.ttlMs });
    this.feedUp = store.onInstallationChange === undefined;
  }

  /** Subscribes to the store's change feed; resolves once invalidations will arrive (or are being retried). */
  async watch(): Promise<void> {
    if (this.unsubscribe || !this.store.onInstallationChange) return;
    this.unsubscribe = await this.store.onInstallationChange((oauthId) => this.forget(oauthId), {
      subscribed: () => this.feedSubscribed(),
      lost: () => this.feedLost(),
    });
  }

  async get(oauthId: string): Promise<Installation | undefined> {
    for (let attempt = 1; ; attempt++) {
      const cached = this.entries.get(oauthId);
      if (cached) {
        if (attempt === 1) this.counts.hits += 1;
        return cached;
      }
      if (attempt === 1) this.counts.misses += 1;
      const read = this.reads.get(oauthId) ?? this.startRead(oauthId);
      const installation = await read.result;
      if (!read.overtaken || attempt === MOST_READS) return installation;
    }
  }

  /** For operators and the scale benchmark: how well the cache keeps requests off the store. */
  stats(): InstallationCacheStats {
    return { ...this.counts, size: this.entries.size, max: this.options.max };
  }

  forget(oauthId: string): void {
    this.entries.delete(oauthId);
    const read = this.reads.get(oauthId);
    if (!read) return;
    read.overtaken = true;
    // Lookups from now on start a read of their own, which begins after the change.
    this.reads.delete(oauthId);
  }

  async close(): Promise<void> {
    this.dropAll();
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.();
  }

  private startRead(oauthId: string): Read {
    const settle = () => {
      if (this.reads.get(oauthId) === read) this.reads.delete(oauthId);
    };
    const read: Read = {
      overtaken: false,
      result: this.store.fetchInstallation(oauthId).then((installation) => {
        settle();
        if (installation && !read.overtaken) this.entries.set(oauthId, installation, { ttl: this.entryTtl() });
        return installation;
      }, (error: unknown) => {
        settle();
        throw error;
      }),
    };
    this.reads.set(oauthId, read);
    return read;
  }

  private entryTtl(): number {
    return this.feedUp ? this.options.ttlMs : Math.min(this.options.ttlMs, this.options.feedDownTtlMs);
  }

  private feedSubscribed(): void {
    this.feedUp = true;
    // Whatever changed while the feed was down was announced to nobody: start again from the store.
    this.dropAll();
  }

  private feedLost(): void {
    this.feedUp = false;
    const ttl = this.entryTtl();
    // A snapshot first: set() moves an entry to the front, and an iterator still walking the cache then
    // meets it again, for ever (seen as a process spinning when a Sentinel client's subscriber closed).
    const longer = [...this.entries.entries()].filter(([oauthId]) => this.entries.getRemainingTTL(oauthId) > ttl);
    for (const [oauthId, installation] of longer) this.entries.set(oauthId, installation, { ttl });
  }

  private dropAll(): void {
    this.entries.clear();
    for (const read of this.reads.values()) read.overtaken = true;
    this.reads.clear();
  }
}
