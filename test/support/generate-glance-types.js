#!/usr/bin/env node
'use strict';
/**
 * Renders lib/core/glance/types.ts from schemas/glance.schema.json, so the glance data a handler returns
 * is typed by the schema it is validated against (design principle 3).
 *
 *   node test/support/generate-glance-types.js           print the types
 *   node test/support/generate-glance-types.js --write   rewrite lib/core/glance/types.ts
 *
 * test/unit/core/glance/types.test.ts runs the first form and fails when the committed file differs.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { generate } = require('./schema-types');

const root = path.join(__dirname, '..', '..');
const schemaFile = path.join(root, 'schemas', 'glance.schema.json');

generate({
  schema: JSON.parse(readFileSync(schemaFile, 'utf8')),
  name: 'GlanceData',
  cwd: path.dirname(schemaFile),
  typesFile: path.join(root, 'lib', 'core', 'glance', 'types.ts'),
  banner: `/**
 * GENERATED from schemas/glance.schema.json by test/support/generate-glance-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-glance-types.js --write
 */`,
});
