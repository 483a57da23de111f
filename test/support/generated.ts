import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/**
 * Generated types must be exactly what their schemas generate: a schema change without regenerating
 * fails here. Both paths are relative to the repository root.
 */
export function expectGeneratedUpToDate(generator: string, committedFile: string, args: string[] = []): void {
  const generated = execFileSync(process.execPath, [path.join(root, generator), ...args], { encoding: 'utf8' });
  const committed = readFileSync(path.join(root, committedFile), 'utf8');
  if (committed !== generated) throw new Error(`${committedFile} is stale; regenerate it with: node ${generator} --write`);
}
