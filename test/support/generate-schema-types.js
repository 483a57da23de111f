#!/usr/bin/env node
'use strict';
/**
 * Renders TypeScript types from the JSON Schemas they describe (the targets in schema-types.json), so the
 * types cannot drift from the schemas (docs/principles.md#schemas-are-the-source-of-truth). The webhook
 * payload types, whose root schema is put together from schemas/events/, have a generator of their own
 * (generate-event-types.js).
 *
 *   node test/support/generate-schema-types.js <target>           print one target's types
 *   node test/support/generate-schema-types.js --write [target]   rewrite the target's file (default: all)
 *
 * test/unit/core/schema-types.test.ts runs the first form for each target and fails when a committed file differs.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { render: renderSchema, run } = require('./schema-types');

const root = path.join(__dirname, '..', '..');

/** Each target: the schema, the name of its root type, and the file the types are committed to. */
const TARGETS = require('./schema-types.json');

async function render(target) {
  const schemaFile = path.join(root, target.schema);
  const imports = Object.entries(target.imports ?? {});
  return renderSchema({
    schema: importing(JSON.parse(readFileSync(schemaFile, 'utf8')), target.imports ?? {}),
    name: target.name,
    cwd: path.dirname(schemaFile),
    banner: `/**
 * GENERATED from ${target.schema} by test/support/generate-schema-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-schema-types.js --write
 */${imports.map(([, { type, from }]) => `\nimport type { ${type} } from '${from}';`).join('')}`,
  });
}

/**
 * A type another generated file already defines is imported rather than defined again: each `$ref` a
 * target lists under `imports` becomes that type's name (json-schema-to-typescript's `tsType`).
 */
function importing(schema, imports) {
  if (Array.isArray(schema)) return schema.map((item) => importing(item, imports));
  if (typeof schema !== 'object' || schema === null) return schema;
  if (typeof schema.$ref === 'string' && imports[schema.$ref]) return { tsType: imports[schema.$ref].type };
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, importing(value, imports)]));
}

async function main(args) {
  const write = args.includes('--write');
  const names = args.filter((arg) => arg !== '--write');
  const chosen = names.length > 0 ? names : write ? Object.keys(TARGETS) : [];
  if (chosen.length === 0 || chosen.some((name) => !TARGETS[name])) {
    throw new Error(`name a target: ${Object.keys(TARGETS).join(', ')}`);
  }
  for (const name of chosen) {
    const types = await render(TARGETS[name]);
    if (write) writeFileSync(path.join(root, TARGETS[name].file), types);
    else process.stdout.write(types);
  }
}

run(main);
