#!/usr/bin/env node
'use strict';
/**
 * Renders lib/core/descriptor/types.ts from schemas/descriptor.schema.json, so the types cannot drift from
 * the schema (design principle 3).
 *
 *   node test/support/generate-descriptor-types.js           print the types
 *   node test/support/generate-descriptor-types.js --write   rewrite lib/core/descriptor/types.ts
 *
 * test/unit/descriptor/types.test.ts runs the first form and fails when the committed file differs.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { generate } = require('./schema-types');

const root = path.join(__dirname, '..', '..');
const schemaFile = path.join(root, 'schemas', 'descriptor.schema.json');

generate({
  schema: JSON.parse(readFileSync(schemaFile, 'utf8')),
  name: 'Descriptor',
  cwd: path.dirname(schemaFile),
  typesFile: path.join(root, 'lib', 'core', 'descriptor', 'types.ts'),
  banner: `/**
 * GENERATED from schemas/descriptor.schema.json by test/support/generate-descriptor-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-descriptor-types.js --write
 */`,
});
