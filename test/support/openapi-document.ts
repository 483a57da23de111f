import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type Json = Record<string, any>;

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'openapi');

/**
 * HipChat's OpenAPI document with overlay.yml applied, ready for ajv: OpenAPI 3.0 schemas are close
 * enough to JSON Schema draft 7 once `nullable` is translated and references made absolute.
 */
export function loadOpenApiDocument(): Json {
  const document = parse(readFileSync(path.join(FIXTURES, 'hipchat-rest-api-v2.openapi.yml'), 'utf8')) as Json;
  const overlay = parse(readFileSync(path.join(FIXTURES, 'overlay.yml'), 'utf8')) as { changes: Array<{ at: string[]; set: unknown; reason: string }> };
  for (const change of overlay.changes) {
    if (typeof change.reason !== 'string' || change.reason === '') throw new Error(`overlay change at ${change.at.join(' > ')} gives no reason`);
    applyChange(document, change.at, change.set);
  }
  return forAjv(document) as Json;
}

function applyChange(document: Json, at: string[], value: unknown): void {
  const last = at[at.length - 1];
  if (last === undefined) throw new Error('overlay change without a location');
  const parent = at.slice(0, -1).reduce((node: Json, key) => (node[key] ??= {}), document);
  parent[last] = value;
}

/**
 * `nullable: true` becomes a `null` type, and references into the document become absolute (`openapi#/…`,
 * the name the contract registers it under) so that any part of it compiles on its own.
 */
function forAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forAjv);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Json;
  const converted: Json = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `openapi${value}` : forAjv(value)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') converted.type = [converted.type, 'null'];
  if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
  return converted.type === undefined ? { anyOf: [converted, { type: 'null' }] } : converted;
}
