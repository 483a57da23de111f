#!/usr/bin/env node
'use strict';
/**
 * Renders lib/core/webhook/payloads.ts from schemas/events/, so the payload types handlers see cannot
 * drift from the schemas their payloads are validated against (docs/principles.md#schemas-are-the-source-of-truth). The root type maps
 * each event, in the order of the event enum in common.schema.json, to its payload; shared shapes are
 * emitted once because every event schema $refs the same definitions.
 *
 *   node test/support/generate-event-types.js           print the types
 *   node test/support/generate-event-types.js --write   rewrite lib/core/webhook/payloads.ts
 *
 * test/unit/core/webhook/payload-types.test.ts runs the first form and fails when the committed file differs.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { render, run } = require('./schema-types');

const root = path.join(__dirname, '..', '..');
const eventsDir = path.join(root, 'schemas', 'events');
const events = JSON.parse(readFileSync(path.join(eventsDir, 'common.schema.json'), 'utf8')).$defs.event.enum;

const typesFile = path.join(root, 'lib', 'core', 'webhook', 'payloads.ts');

const rendering = () => render({
  schema: {
    title: 'WebhookPayloads',
    description: 'The payload of each webhook event, by event name.',
    type: 'object',
    required: events,
    additionalProperties: false,
    properties: Object.fromEntries(events.map((event) => [event, { $ref: `${event}.schema.json` }])),
  },
  name: 'WebhookPayloads',
  cwd: eventsDir,
  // The schemas let a host add members; the types name only the members the schemas do, so that a
  // misspelt field is a compile error in a handler rather than an `unknown` at run time.
  options: { additionalProperties: false },
  banner: `/**
 * GENERATED from schemas/events/ by test/support/generate-event-types.js. Do not edit; after changing
 * a schema, regenerate with:
 *   node test/support/generate-event-types.js --write
 */`,
});

run(async (args) => {
  const types = await rendering();
  if (args.includes('--write')) writeFileSync(typesFile, types);
  else process.stdout.write(types);
});
