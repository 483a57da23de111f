import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** Every file below `folder` (from the repository's root) whose name ends with `ending`, as absolute paths; installed packages left out. */
export function filesUnder(folder: string, ending: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending) && !entry.parentPath.split(path.sep).includes('node_modules'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
