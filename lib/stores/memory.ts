import type { Installation } from '../core/installation';
import type { InstallationCondition, SetValueOptions, Store } from '../core/store';
import { StoreState } from './store-state';

export interface MemoryStoreOptions {
  /** The clock TTLs are measured against; tests pass a fake one to expire values without waiting. */
  now?: () => number;
}

/**
 * Everything in this process's memory and gone when it exits: for tests and throwaway experiments.
 * Add-ons that must keep their installations use the FileStore (one process) or the RedisStore.
 */
export class MemoryStore implements Store {
  private readonly state: StoreState;

  constructor(options: MemoryStoreOptions = {}) {
    this.state = new StoreState(options.now ?? Date.now);
  }

  async fetchInstallation(oauthId: string): Promise<Installation | undefined> {
    return this.state.fetchInstallation(oauthId);
  }

  async storeInstallation(installation: Installation, condition?: InstallationCondition): Promise<boolean> {
    return this.state.storeInstallation(installation, condition);
  }

  async deleteInstallation(oauthId: string, condition?: InstallationCondition): Promise<void> {
    this.state.deleteInstallation(oauthId, condition);
  }

  async getValue(oauthId: string, key: string): Promise<string | undefined> {
    return this.state.getValue(oauthId, key);
  }

  async setValue(oauthId: string, key: string, value: string, options?: SetValueOptions): Promise<boolean> {
    return this.state.setValue(oauthId, key, value, options);
  }

  async deleteValue(oauthId: string, key: string, ifValue?: string): Promise<void> {
    this.state.deleteValue(oauthId, key, ifValue);
  }
}
