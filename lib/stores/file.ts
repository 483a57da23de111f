import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Installation } from '../core/installation';
import type { InstallationCondition, SetValueOptions, Store } from '../core/store';
import { ConnectError } from '../errors';
import { readFileIfExists, removeAbandonedTemporaries, writeFileAtomically } from './atomic-file';
import { CoalescingWriter } from './coalescing-writer';
import { parseSnapshot } from './file-snapshot';
import { StoreState } from './store-state';

export interface FileStoreOptions {
  /** The JSON file; relative paths start at process.cwd(). Default `.hipchat-connect/store.json`. */
  path?: string;
  /** The clock TTLs are measured against (milliseconds, like Date.now). */
  now?: () => number;
}

export const DEFAULT_STORE_FILE = '.hipchat-connect/store.json';

/** The file holds OAuth secrets: readable by the add-on's user only. */
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

/** The loaded data and the way to put it back on disk. */
interface OpenFile {
  state: StoreState;
  /** Resolves once a write that includes every change made so far has reached the disk. */
  persist(): Promise<void>;
  idle(): Promise<void>;
}

/**
 * The embedded default: no server to run, and installations survive a restart of the add-on. The whole
 * store is one JSON file, read on first use and rewritten atomically after every change; a call resolves
 * only once its change is on disk. Meant for one add-on process: several processes sharing a file would
 * overwrite each other's changes, which is what the RedisStore is for.
 *
 * When a write fails the change stays in memory (and reaches the disk with the next successful write),
 * but the caller is told it failed, so nothing is acknowledged that is not on disk.
 */
export class FileStore implements Store {
  readonly path: string;
  private readonly now: () => number;
  private opening: Promise<OpenFile> | undefined;

  constructor(options: FileStoreOptions = {}) {
    this.path = resolve(options.path ?? DEFAULT_STORE_FILE);
    this.now = options.now ?? Date.now;
  }

  async fetchInstallation(oauthId: string): Promise<Installation | undefined> {
    return (await this.open()).state.fetchInstallation(oauthId);
  }

  async storeInstallation(installation: Installation, condition?: InstallationCondition): Promise<boolean> {
    const { state, persist } = await this.open();
    if (!state.storeInstallation(installation, condition)) return false;
    await persist();
    return true;
  }

  async deleteInstallation(oauthId: string, condition?: InstallationCondition): Promise<void> {
    const { state, persist } = await this.open();
    if (state.deleteInstallation(oauthId, condition)) await persist();
  }

  async getValue(oauthId: string, key: string): Promise<string | undefined> {
    return (await this.open()).state.getValue(oauthId, key);
  }

  async setValue(oauthId: string, key: string, value: string, options?: SetValueOptions): Promise<boolean> {
    const { state, persist } = await this.open();
    const written = state.setValue(oauthId, key, value, options);
    if (written) await persist();
    return written;
  }

  async deleteValue(oauthId: string, key: string, ifValue?: string): Promise<void> {
    const { state, persist } = await this.open();
    if (state.deleteValue(oauthId, key, ifValue)) await persist();
  }

  /**
   * Waits for the writes already asked for, so that an add-on shutting down leaves a complete file. The
   * store holds no handle between writes, so there is nothing else to release; it stays usable.
   */
  async close(): Promise<void> {
    const open = await this.opening?.catch(() => undefined);
    await open?.idle();
  }

  /** Loads once; a failed load is tried again on the next call, so a repaired file needs no restart. */
  private open(): Promise<OpenFile> {
    this.opening ??= this.load().catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  private async load(): Promise<OpenFile> {
    await removeAbandonedTemporaries(this.path);
    let text: string | undefined;
    try {
      text = await readFileIfExists(this.path);
    } catch (cause) {
      throw this.unavailable('cannot be read', cause);
    }
    const state = new StoreState(this.now, text === undefined ? undefined : parseSnapshot(text, this.path));
    const writer = new CoalescingWriter(() => this.save(state));
    return { state, persist: () => writer.request(), idle: () => writer.idle() };
  }

  private async save(state: StoreState): Promise<void> {
    // Taken before the first await: changes made while this write runs go into the next one.
    const json = `${JSON.stringify(state.toSnapshot(), null, 2)}\n`;
    try {
      await mkdir(dirname(this.path), { recursive: true, mode: DIRECTORY_MODE });
      await writeFileAtomically(this.path, json, FILE_MODE);
    } catch (cause) {
      throw this.unavailable('cannot be written', cause);
    }
  }

  private unavailable(problem: string, cause: unknown): ConnectError {
    return new ConnectError('STORE_UNAVAILABLE', `The store file ${this.path} ${problem}`, {
      cause,
      details: { path: this.path },
    });
  }
}
