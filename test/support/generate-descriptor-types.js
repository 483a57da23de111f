#!/usr/bin/env node
'use strict';
/**
 * Renders TypeScript types from the schemas that have them (the descriptor, glance data), so the types
 * cannot drift from the schemas (design principle 3). Plain JavaScript run by node, not by jest: json-schema-to-typescript
 * formats with prettier 3, whose dynamic import() jest's module sandbox refuses. It lives with the tests
 * because json-schema-to-typescript is a development dependency.
 *
 *   node test/support/generate-descriptor-types.js                  print the descriptor's types
 *   node test/support/generate-descriptor-types.js glance           print another schema's types
 *   node test/support/generate-descriptor-types.js --write          rewrite every types file
 *
 * test/unit/descriptor/types.test.ts runs the printing form and fails when a committed file differs.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { compile } = require('json-schema-to-typescript');

const root = path.join(__dirname, '..', '..');
/** Schema name → the types file generated from it, and the name of its root type. */
const TARGETS = {
  descriptor: { file: 'lib/core/descriptor/types.ts', root: 'Descriptor' },
  glance: { file: 'lib/core/glance/types.ts', root: 'GlanceData' },
};

const banner = (name) => `/**
 * GENERATED from schemas/${name}.schema.json by test/support/generate-descriptor-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-descriptor-types.js --write
 */`;

async function render(name) {
  const schemaFile = path.join(root, 'schemas', `${name}.schema.json`);
  return compile(JSON.parse(readFileSync(schemaFile, 'utf8')), TARGETS[name].root, {
    bannerComment: banner(name),
    cwd: path.dirname(schemaFile),
    // minItems would otherwise become tuple types ([Scope, ...Scope[]]) that plain arrays cannot satisfy.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}

async function main() {
  if (process.argv.includes('--write')) {
    for (const name of Object.keys(TARGETS)) writeFileSync(path.join(root, TARGETS[name].file), await render(name));
  } else {
    process.stdout.write(await render(process.argv[2] ?? 'descriptor'));
  }
}

main().then(
  () => undefined,
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
