import type { Installation } from '../core/installation';
import type { InstallationCondition, SetValueOptions } from '../core/store';
import { invalidOption } from '../errors';
import { copyInstallation } from './installation-record';

/** The plain-data form of a StoreState: what FileStore writes to disk. */
export interface StoreSnapshot {
  version: 1;
  installations: Record<string, Installation>;
  /** oauthId → key → value; `expiresAt` is a `now()` reading in milliseconds. */
  values: Record<string, Record<string, StoredValue>>;
}

export interface StoredValue {
  value: string;
  expiresAt?: number;
}

/**
 * The semantics of the Store interface over plain maps, synchronous so that every check-and-set
 * (ifAbsent, ifValue) is atomic by construction. MemoryStore and FileStore share it; they differ only in
 * whether a change is then written to disk.
 *
 * Values live in one map per installation, so deleting an installation drops all of them at once.
 * Expiry is checked against the injected clock on every read; expired entries are pruned when their
 * installation is written to and when a snapshot is taken, which keeps the maps from growing without end.
 */
export class StoreState {
  private readonly installations = new Map<string, Installation>();
  private readonly values = new Map<string, Map<string, StoredValue>>();

  constructor(private readonly now: () => number, snapshot?: StoreSnapshot) {
    if (!snapshot) return;
    for (const [oauthId, installation] of Object.entries(snapshot.installations)) {
      this.installations.set(oauthId, installation);
    }
    for (const [oauthId, values] of Object.entries(snapshot.values)) {
      this.values.set(oauthId, new Map(Object.entries(values)));
    }
  }

  fetchInstallation(oauthId: string): Installation | undefined {
    const installation = this.installations.get(oauthId);
    return installation && copyInstallation(installation);
  }

  /** Returns whether it wrote. */
  storeInstallation(installation: Installation, condition?: InstallationCondition): boolean {
    if (!this.meets(installation.oauthId, condition)) return false;
    this.installations.set(installation.oauthId, copyInstallation(installation));
    return true;
  }

  /** Returns whether anything was removed. */
  deleteInstallation(oauthId: string, condition?: InstallationCondition): boolean {
    if (!this.meets(oauthId, condition)) return false;
    const hadInstallation = this.installations.delete(oauthId);
    return this.values.delete(oauthId) || hadInstallation;
  }

  getValue(oauthId: string, key: string): string | undefined {
    const stored = this.values.get(oauthId)?.get(key);
    return stored && this.isLive(stored) ? stored.value : undefined;
  }

  setValue(oauthId: string, key: string, value: string, options: SetValueOptions = {}): boolean {
    assertTtl(options.ttlMs);
    if (options.ifAbsent && this.getValue(oauthId, key) !== undefined) return false;
    const values = this.valuesOf(oauthId);
    this.prune(values);
    values.set(key, options.ttlMs === undefined ? { value } : { value, expiresAt: this.now() + options.ttlMs });
    return true;
  }

  /** Returns whether a value was removed. */
  deleteValue(oauthId: string, key: string, ifValue?: string): boolean {
    const current = this.getValue(oauthId, key);
    if (current === undefined || (ifValue !== undefined && current !== ifValue)) return false;
    const values = this.values.get(oauthId);
    values?.delete(key);
    if (values?.size === 0) this.values.delete(oauthId);
    return true;
  }

  /** Live data only: an expired value is never written out. */
  toSnapshot(): StoreSnapshot {
    const snapshot: StoreSnapshot = { version: 1, installations: Object.fromEntries(this.installations), values: {} };
    for (const [oauthId, values] of this.values) {
      this.prune(values);
      if (values.size > 0) snapshot.values[oauthId] = Object.fromEntries(values);
    }
    return snapshot;
  }

  private meets(oauthId: string, condition: InstallationCondition | undefined): boolean {
    if (condition === undefined) return true;
    const stored = this.installations.get(oauthId);
    return condition.ifSecret === null ? stored === undefined : stored?.oauthSecret === condition.ifSecret;
  }

  private valuesOf(oauthId: string): Map<string, StoredValue> {
    let values = this.values.get(oauthId);
    if (!values) this.values.set(oauthId, (values = new Map()));
    return values;
  }

  private prune(values: Map<string, StoredValue>): void {
    for (const [key, stored] of values) if (!this.isLive(stored)) values.delete(key);
  }

  private isLive(stored: StoredValue): boolean {
    return stored.expiresAt === undefined || stored.expiresAt > this.now();
  }
}

/** Every store refuses the same TTLs, so code that passes the memory store's tests works on Redis too. */
export function assertTtl(ttlMs: number | undefined): void {
  if (ttlMs !== undefined && !(Number.isFinite(ttlMs) && ttlMs > 0)) {
    throw invalidOption('ttlMs', 'a positive number of milliseconds');
  }
}
