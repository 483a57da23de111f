import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `path` so that a reader (or the next start after a crash) sees either the old content or the
 * new, never a mix: the data goes to a temporary file in the same directory (a rename is only atomic
 * within one file system), is flushed to the disk, and is then renamed over the target.
 */
export async function writeFileAtomically(path: string, data: string, mode: number): Promise<void> {
  const temporary = join(dirname(path), `${temporaryPrefix(path)}${process.pid}.${randomUUID()}.tmp`);
  try {
    const file = await open(temporary, 'wx', mode);
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Removes the temporary files that writers of `path` left when they were killed mid-write (kill -9, a
 * power cut): nothing else would ever remove them. A file of a process that is still alive is kept,
 * since that process may be writing it right now.
 */
export async function removeAbandonedTemporaries(path: string): Promise<void> {
  const prefix = temporaryPrefix(path);
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return; // no directory yet, so nothing was left in it
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length).split('.', 1)[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

function temporaryPrefix(path: string): string {
  return `.${basename(path)}.`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, and another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The file's text, or undefined when there is no file yet. */
export async function readFileIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Makes the rename itself durable. Some platforms (Windows) cannot open a directory for syncing; there
 * the rename is as durable as the platform makes it, which is no reason to fail the write.
 */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // See above: best effort only.
  } finally {
    await handle?.close();
  }
}
