#!/usr/bin/env node
'use strict';
/**
 * Renders lib/core/descriptor/types.ts from schemas/descriptor.schema.json, so the types cannot drift from
 * the schema (design principle 3). Plain JavaScript run by node, not by jest: json-schema-to-typescript
 * formats with prettier 3, whose dynamic import() jest's module sandbox refuses. It lives with the tests
 * because json-schema-to-typescript is a development dependency.
 *
 *   node test/support/generate-descriptor-types.js           print the types
 *   node test/support/generate-descriptor-types.js --write   rewrite lib/core/descriptor/types.ts
 *
 * test/unit/descriptor/types.test.ts runs the first form and fails when the committed file differs.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { compile } = require('json-schema-to-typescript');

const root = path.join(__dirname, '..', '..');
const schemaFile = path.join(root, 'schemas', 'descriptor.schema.json');
const typesFile = path.join(root, 'lib', 'core', 'descriptor', 'types.ts');

const banner = `/**
 * GENERATED from schemas/descriptor.schema.json by test/support/generate-descriptor-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-descriptor-types.js --write
 */`;

async function render() {
  return compile(JSON.parse(readFileSync(schemaFile, 'utf8')), 'Descriptor', {
    bannerComment: banner,
    cwd: path.dirname(schemaFile),
    // minItems would otherwise become tuple types ([Scope, ...Scope[]]) that plain arrays cannot satisfy.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}

render().then(
  (types) => {
    if (process.argv.includes('--write')) writeFileSync(typesFile, types);
    else process.stdout.write(types);
  },
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
