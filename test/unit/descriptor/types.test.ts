import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const generator = 'test/support/generate-descriptor-types.js';

// The committed types must be exactly what the schema generates: a schema change without regenerating fails here.
it('lib/core/descriptor/types.ts is what schemas/descriptor.schema.json generates', () => {
  const generated = execFileSync(process.execPath, [path.join(root, generator)], { encoding: 'utf8' });
  const committed = readFileSync(path.join(root, 'lib/core/descriptor/types.ts'), 'utf8');
  if (committed !== generated) {
    throw new Error(`lib/core/descriptor/types.ts is stale; regenerate it with: node ${generator} --write`);
  }
});
