import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConnectError } from '../errors';

/** Where a project keeps its add-on when `--entry` does not say: the templates' file first. */
const CONVENTIONAL = ['src/index.ts'];
const LAST_RESORTS = ['index.ts', 'index.js'];

/**
 * The add-on's entry file, absolute: `--entry` when given, else `src/index.ts`, else package.json's
 * `main` when that file exists (a project that builds to `dist/` names its output there, which may not
 * be built yet), else `index.ts` or `index.js` at the top.
 */
export function findEntry(projectDir: string, given?: string): string {
  if (given !== undefined) {
    const file = path.resolve(projectDir, given);
    if (!existsSync(file)) throw noEntry(`--entry ${given}: ${file} does not exist`);
    return file;
  }
  const main = mainOf(projectDir);
  const candidates = [...CONVENTIONAL, ...(main === undefined ? [] : [main]), ...LAST_RESORTS];
  const found = candidates.map((candidate) => path.resolve(projectDir, candidate)).find((file) => existsSync(file));
  if (found) return found;
  const tried = candidates.join(', ');
  throw noEntry(`No add-on entry in ${projectDir}: none of ${tried} exists. Pass --entry <file>, or run dev in the add-on's folder.`);
}

function mainOf(projectDir: string): string | undefined {
  const manifest = path.join(projectDir, 'package.json');
  if (!existsSync(manifest)) return undefined;
  try {
    const { main } = JSON.parse(readFileSync(manifest, 'utf8')) as { main?: unknown };
    return typeof main === 'string' && main !== '' ? main : undefined;
  } catch {
    // A broken package.json is npm's to report; dev only looked in it for a hint.
    return undefined;
  }
}

function noEntry(message: string): ConnectError {
  return new ConnectError('OPTION_INVALID', message, { details: { option: '--entry' } });
}
