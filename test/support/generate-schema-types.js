#!/usr/bin/env node
'use strict';
/**
 * Renders TypeScript types from the JSON Schemas they describe, so the types cannot drift from the
 * schemas (design principle 3). Plain JavaScript run by node, not by jest: json-schema-to-typescript
 * formats with prettier 3, whose dynamic import() jest's module sandbox refuses. It lives with the tests
 * because json-schema-to-typescript is a development dependency.
 *
 *   node test/support/generate-schema-types.js <target>           print one target's types
 *   node test/support/generate-schema-types.js --write [target]   rewrite the target's file (default: all)
 *
 * test/unit/schema-types.test.ts runs the first form for each target and fails when a committed file differs.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { compile } = require('json-schema-to-typescript');

const root = path.join(__dirname, '..', '..');

/** Each target: the schema, the name of its root type, and the file the types are committed to. */
const TARGETS = require('./schema-types.json');

async function render(target) {
  const schemaFile = path.join(root, target.schema);
  return compile(JSON.parse(readFileSync(schemaFile, 'utf8')), target.name, {
    bannerComment: `/**
 * GENERATED from ${target.schema} by test/support/generate-schema-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-schema-types.js --write
 */`,
    cwd: path.dirname(schemaFile),
    // minItems would otherwise become tuple types ([Scope, ...Scope[]]) that plain arrays cannot satisfy.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 120 },
  });
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

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
