import { loadRestApiDocument, type Json } from '../../scripts/rest-api-document';

export type { Json };

/**
 * HipChat's OpenAPI document with its overlay applied (schemas/hipchat-rest-api-v2.*.yml), ready for
 * ajv: OpenAPI 3.0 schemas are close enough to JSON Schema draft 7 once `nullable` is translated and
 * references made absolute.
 */
export function loadOpenApiDocument(): Json {
  return forAjv(loadRestApiDocument()) as Json;
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
