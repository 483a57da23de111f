import type { Installation } from '../core/installation';
import type { InstallationCondition, SetValueOptions, Store } from '../core/store';
import type { SecretKeyring } from './secret-keys';

/** Where a sealed secret belongs; a sealed value opens only at the place it was sealed for. */
export const secretContext = {
  installation: (oauthId: string) => `installation:${oauthId}:oauthSecret`,
  value: (oauthId: string, key: string) => `value:${oauthId}:${key}`,
};

/**
 * Any Store, with secrets encrypted before they leave the process: each installation's `oauthSecret`
 * and every per-installation value (cached access tokens, and whatever the author keeps there: the
 * toolkit cannot tell which of those are secret). Ids and the rest of the record stay readable, so the
 * store's layout, purge and change feed work as before.
 *
 * Records written before a key was given read as they are; `hipchat-connect rotate-keys` seals them.
 */
export class EncryptedStore implements Store {
  readonly onInstallationChange?: Store['onInstallationChange'];

  constructor(readonly inner: Store, private readonly keys: SecretKeyring) {
    const feed = inner.onInstallationChange;
    if (feed) this.onInstallationChange = (listener, feedListener) => feed.call(inner, listener, feedListener);
  }

  async fetchInstallation(oauthId: string): Promise<Installation | undefined> {
    const stored = await this.inner.fetchInstallation(oauthId);
    if (!stored) return undefined;
    return { ...stored, oauthSecret: this.keys.open(stored.oauthSecret, secretContext.installation(oauthId)) };
  }

  async storeInstallation(installation: Installation, condition?: InstallationCondition): Promise<boolean> {
    const sealedCondition = await this.sealedCondition(installation.oauthId, condition);
    if (sealedCondition === false) return false;
    const oauthSecret = this.keys.seal(installation.oauthSecret, secretContext.installation(installation.oauthId));
    return this.inner.storeInstallation({ ...installation, oauthSecret }, sealedCondition);
  }

  async deleteInstallation(oauthId: string, condition?: InstallationCondition): Promise<void> {
    const sealedCondition = await this.sealedCondition(oauthId, condition);
    if (sealedCondition !== false) await this.inner.deleteInstallation(oauthId, sealedCondition);
  }

  async getValue(oauthId: string, key: string): Promise<string | undefined> {
    const stored = await this.inner.getValue(oauthId, key);
    return stored === undefined ? undefined : this.keys.open(stored, secretContext.value(oauthId, key));
  }

  setValue(oauthId: string, key: string, value: string, options?: SetValueOptions): Promise<boolean> {
    return this.inner.setValue(oauthId, key, this.keys.seal(value, secretContext.value(oauthId, key)), options);
  }

  /**
   * Sealing is randomised, so `ifValue` cannot be compared on the ciphertext it was given: the value is
   * read and opened here, and the delete is made conditional on the very ciphertext that was read, which
   * keeps it atomic (a value replaced in between is left alone).
   */
  async deleteValue(oauthId: string, key: string, ifValue?: string): Promise<void> {
    if (ifValue === undefined) return this.inner.deleteValue(oauthId, key);
    const stored = await this.inner.getValue(oauthId, key);
    if (stored === undefined || this.keys.open(stored, secretContext.value(oauthId, key)) !== ifValue) return;
    await this.inner.deleteValue(oauthId, key, stored);
  }

  /**
   * A condition on the stored secret, as the inner store can check it. Like `deleteValue`'s: the record
   * is read and opened here, and the write is made conditional on the very ciphertext that was read, so
   * the inner store's check stays the one atomic step (a record replaced in between fails it). False:
   * the condition already fails.
   */
  private async sealedCondition(oauthId: string, condition: InstallationCondition | undefined): Promise<InstallationCondition | undefined | false> {
    if (condition === undefined || condition.ifSecret === null) return condition;
    const stored = await this.inner.fetchInstallation(oauthId);
    if (!stored || this.keys.open(stored.oauthSecret, secretContext.installation(oauthId)) !== condition.ifSecret) return false;
    return { ifSecret: stored.oauthSecret };
  }

  async close(): Promise<void> {
    await this.inner.close?.();
  }
}
