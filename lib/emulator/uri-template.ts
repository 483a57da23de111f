/** `{room_id}`, `{message.body}`: the placeholder grammar the descriptor schema allows in module URLs. */
const PLACEHOLDER = /\{([A-Za-z0-9_.]+)\}/g;

/**
 * Fills the placeholders of a module URL (docs/protocol.md#url-placeholders) from `values`, looked up by
 * dotted path. Strings, numbers and booleans are URL-encoded; objects and arrays are JSON-encoded, then
 * URL-encoded; a name without a value becomes empty, as RFC 6570 leaves an undefined variable out. Only own
 * properties are read, so `{constructor.name}` finds nothing rather than a prototype's member.
 */
export function fillUriTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_placeholder, path: string) => encodeValue(lookup(values, path.split('.'))));
}

function lookup(value: unknown, path: string[]): unknown {
  let current = value;
  for (const name of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function encodeValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return encodeURIComponent(JSON.stringify(value));
  return encodeURIComponent(String(value));
}
