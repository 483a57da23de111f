import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/**
 * Generated types must be exactly what their contracts generate: a schema change without regenerating
 * fails here. Both paths are relative to the repository root. A generator is run as its own process,
 * since the renderers import modules that jest's sandbox cannot load (prettier's dynamic import(), ES
 * modules); one written in TypeScript runs under tsx.
 */
export function expectGeneratedUpToDate(generator: string, committedFile: string, args: string[] = []): void {
  const typescript = generator.endsWith('.ts');
  const runner = typescript ? ['--import', 'tsx'] : [];
  const generated = execFileSync(process.execPath, [...runner, path.join(root, generator), ...args], { encoding: 'utf8' });
  const committed = readFileSync(path.join(root, committedFile), 'utf8');
  if (committed !== generated) {
    const command = `${typescript ? 'npx tsx' : 'node'} ${generator} --write`;
    throw new Error(`${committedFile} is stale; regenerate it with: ${command} (or every generated file with: npm run generate)`);
  }
}
