import { isConnectError } from '../errors';
import type { Installation } from '../core/installation';
import { secretContext } from './encrypted-store';
import type { SecretKeyring } from './secret-keys';

/** What rotate-keys has done so far; printed as it goes and at the end. */
export interface RotationProgress {
  installations: number;
  values: number;
  /** Records sealed again with the first key (plain text ones included). */
  resealed: number;
  /** Records already sealed with the first key: a run that was interrupted skips them. */
  current: number;
  /** Records that could not be opened (a key missing from the list, a damaged value), by where they are. */
  failed: Array<{ where: string; code: string; keyId?: string }>;
}

export function emptyProgress(): RotationProgress {
  return { installations: 0, values: 0, resealed: 0, current: 0, failed: [] };
}

/**
 * The installation record with its secret sealed by the first key, or undefined when it already is.
 * Opening goes through the whole keyring, so a record of any listed key (or plain text) moves on.
 */
export function resealInstallation(keys: SecretKeyring, record: Installation): Installation | undefined {
  if (keys.isCurrent(record.oauthSecret)) return undefined;
  const context = secretContext.installation(record.oauthId);
  return { ...record, oauthSecret: keys.seal(keys.open(record.oauthSecret, context), context) };
}

export function resealValue(keys: SecretKeyring, oauthId: string, key: string, stored: string): string | undefined {
  if (keys.isCurrent(stored)) return undefined;
  const context = secretContext.value(oauthId, key);
  return keys.seal(keys.open(stored, context), context);
}

/** Counts one record's outcome; a record that cannot be opened is listed, not fatal, so the run goes on. */
export async function tally(progress: RotationProgress, where: string, rotate: () => Promise<boolean>): Promise<void> {
  try {
    if (await rotate()) progress.resealed += 1;
    else progress.current += 1;
  } catch (error) {
    if (!isConnectError(error) || !['SECRET_KEY_UNKNOWN', 'SECRET_UNREADABLE'].includes(error.code)) throw error;
    const keyId = error.details?.keyId;
    progress.failed.push({ where, code: error.code, ...(typeof keyId === 'string' ? { keyId } : {}) });
  }
}
