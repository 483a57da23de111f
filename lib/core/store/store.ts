import type { Installation } from '../installation';

/**
 * Where installations and the data that belongs to them live. Small on purpose (compare bolt-js's
 * InstallationStore): three calls for installations, three for per-installation values.
 *
 * Every promise resolves only once the write is acknowledged, and rejects with a ConnectError
 * `STORE_UNAVAILABLE` when the backing service cannot be reached, so callers can answer 503.
 */
export interface Store {
  fetchInstallation(oauthId: string): Promise<Installation | undefined>;
  /**
   * Creates or replaces the installation record, and resolves true. With a condition the check and the
   * write are one atomic step, and nothing is written (false) when the stored record does not meet it:
   * that is what lets exactly one of several concurrent installs of an oauthId win.
   */
  storeInstallation(installation: Installation, condition?: InstallationCondition): Promise<boolean>;
  /**
   * Removes the installation and every value stored under its oauthId (tokens, settings, locks); with a
   * condition, only when the stored record meets it (an install rolling back only what it wrote).
   */
  deleteInstallation(oauthId: string, condition?: InstallationCondition): Promise<void>;

  getValue(oauthId: string, key: string): Promise<string | undefined>;
  /**
   * Sets a value owned by the installation. With `ifAbsent`, nothing is written when the key exists and
   * the result is false (the basis for locks). `ttlMs` makes the value expire.
   */
  setValue(oauthId: string, key: string, value: string, options?: SetValueOptions): Promise<boolean>;
  /** With `ifValue`, deletes only when the stored value is that one (releasing a lock one holds). */
  deleteValue(oauthId: string, key: string, ifValue?: string): Promise<void>;

  /**
   * Tells this process when another process changed or removed an installation, so in-process caches
   * can drop it. Stores that only ever serve one process leave this out. `feed` hears when the feed
   * itself stops and starts, since notices published meanwhile are lost.
   */
  onInstallationChange?(listener: (oauthId: string) => void, feed?: ChangeFeedListener): Promise<() => Promise<void>>;

  /** Releases connections and timers the store itself opened. */
  close?(): Promise<void>;
}

export interface SetValueOptions {
  ttlMs?: number;
  ifAbsent?: boolean;
}

/** What the stored record must be for a conditional write to happen. */
export interface InstallationCondition {
  /** The stored record's `oauthSecret` must be this one; `null`: there must be no record at all. */
  ifSecret: string | null;
}

/** The state of a store's change feed, for caches that must know when notices may have been missed. */
export interface ChangeFeedListener {
  /** Notices arrive from now on (first subscription, and every one after an outage). */
  subscribed(): void;
  /** The feed is down: notices published from now on are lost until `subscribed` is called again. */
  lost(): void;
}
