import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** A parsed OpenAPI document, or any part of one: YAML of any shape, walked by member names. */
export type Json = Record<string, any>;

const SCHEMAS = path.join(__dirname, '..', 'schemas');

/** One correction of the overlay: the value `set` at the location `at` (keys from the document's root). */
interface Change {
  at: string[];
  set: unknown;
  reason: string;
}

/**
 * HipChat's REST API as this project holds it: the OpenAPI document as it was copied, with the
 * corrections of hipchat-rest-api-v2.overlay.yml applied in order. The REST types are generated from it
 * and the tests' contract check validates the emulator's exchanges against it.
 */
export function loadRestApiDocument(): Json {
  const document = parse(readFileSync(path.join(SCHEMAS, 'hipchat-rest-api-v2.openapi.yml'), 'utf8')) as Json;
  const overlay = parse(readFileSync(path.join(SCHEMAS, 'hipchat-rest-api-v2.overlay.yml'), 'utf8')) as { changes: Change[] };
  for (const change of overlay.changes) {
    if (typeof change.reason !== 'string' || change.reason === '') throw new Error(`overlay change at ${change.at.join(' > ')} gives no reason`);
    applyChange(document, change.at, change.set);
  }
  return document;
}

function applyChange(document: Json, at: string[], value: unknown): void {
  const last = at[at.length - 1];
  if (last === undefined) throw new Error('overlay change without a location');
  const parent = at.slice(0, -1).reduce((node: Json, key) => (node[key] ??= {}), document);
  parent[last] = value;
}
