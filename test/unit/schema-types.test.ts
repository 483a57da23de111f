import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import TARGETS from '../support/schema-types.json';

const root = path.join(__dirname, '..', '..');
const generator = 'test/support/generate-schema-types.js';

// The committed types must be exactly what the schemas generate: a schema change without regenerating fails here.
it.each(Object.entries(TARGETS))('the %s types are what their schema generates', (name, target) => {
  const generated = execFileSync(process.execPath, [path.join(root, generator), name], { encoding: 'utf8' });
  const committed = readFileSync(path.join(root, target.file), 'utf8');
  if (committed !== generated) {
    throw new Error(`${target.file} is stale after a change to ${target.schema}; regenerate it with: node ${generator} --write`);
  }
});
