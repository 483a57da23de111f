import { resolve } from 'node:path';
import { ConnectError } from '../errors';
import { readFileIfExists, writeFileAtomically } from './atomic-file';
import { parseSnapshot } from './file-snapshot';
import { emptyProgress, resealInstallation, resealValue, tally, type RotationProgress } from './rotation';
import type { SecretKeyring } from './secret-keys';

/** The FileStore's own mode: the file holds every installation's secret. */
const FILE_MODE = 0o600;

/**
 * Re-seals every secret of a FileStore's file with the first key and replaces the file atomically. The
 * FileStore keeps its data in memory and rewrites the whole file on each change, so an add-on running
 * on the file would write its older copy back: nothing is lost (the old key still opens it), but the
 * rotation is only complete once run with the add-on stopped.
 */
export async function rotateFileKeys(path: string, keys: SecretKeyring, onProgress: (progress: RotationProgress) => void): Promise<RotationProgress> {
  const file = resolve(path);
  const text = await readFileIfExists(file);
  if (text === undefined) throw new ConnectError('STORE_UNAVAILABLE', `There is no store file at ${file}`, { details: { path: file } });
  const snapshot = parseSnapshot(text, file);
  const progress = emptyProgress();
  for (const [oauthId, record] of Object.entries(snapshot.installations)) {
    progress.installations += 1;
    await tally(progress, `installation ${oauthId}`, async () => {
      const resealed = resealInstallation(keys, record);
      if (resealed) snapshot.installations[oauthId] = resealed;
      return resealed !== undefined;
    });
  }
  for (const [oauthId, values] of Object.entries(snapshot.values)) {
    for (const [key, stored] of Object.entries(values)) {
      progress.values += 1;
      await tally(progress, `value ${key} of ${oauthId}`, async () => {
        const resealed = resealValue(keys, oauthId, key, stored.value);
        if (resealed !== undefined) stored.value = resealed;
        return resealed !== undefined;
      });
    }
  }
  if (progress.resealed > 0) await writeFileAtomically(file, `${JSON.stringify(snapshot, null, 2)}\n`, FILE_MODE);
  onProgress(progress);
  return progress;
}
