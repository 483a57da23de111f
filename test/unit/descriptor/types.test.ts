import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const generator = 'test/support/generate-descriptor-types.js';

// The committed types must be exactly what the schemas generate: a schema change without regenerating fails here.
it.each([
  ['descriptor', 'lib/core/descriptor/types.ts'],
  ['glance', 'lib/core/glance/types.ts'],
])('the types of schemas/%s.schema.json are %s', (schema, file) => {
  const generated = execFileSync(process.execPath, [path.join(root, generator), schema], { encoding: 'utf8' });
  const committed = readFileSync(path.join(root, file), 'utf8');
  if (committed !== generated) {
    throw new Error(`${file} is stale; regenerate it with: node ${generator} --write`);
  }
});
