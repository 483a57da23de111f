import { ConnectError } from '../errors';

export type PathValue = string | number;
export type Query = Record<string, string | number | boolean | undefined>;

/** `'GET /room/{room}'` → method and path template, as octokit spells its routes. */
export function parseRoute(route: string): { method: string; template: string } {
  const match = /^([A-Z]+) (\/\S*)$/.exec(route);
  if (!match) throw new ConnectError('REQUEST_INVALID', `A route is "<METHOD> /path", not "${route}"`, { details: { route } });
  return { method: match[1]!, template: match[2]! };
}

/**
 * Fills `{name}` placeholders, each value percent-encoded as one path segment, so a room called
 * "Ops / Deploys" stays one segment. An empty value, or one URL parsing would read as `.` or `..`
 * (even percent-encoded), would quietly address another resource, so it is refused instead.
 */
export function expandPath(template: string, values: Readonly<Record<string, PathValue>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    const text = value === undefined ? '' : String(value);
    if (text === '' || /^\.{1,2}$/.test(text)) {
      throw new ConnectError('REQUEST_INVALID', `The path parameter "${name}" must be a non-empty id or name other than "." and ".."`, {
        details: { parameter: name },
      });
    }
    return encodeURIComponent(text);
  });
}

/**
 * Appends a path to the API base whether or not the base ends with a slash: the capabilities document gives
 * `https://host/v2/` in one place and `https://host/v2` in another
 * (docs/protocol.md#api-url-with-or-without-a-slash).
 */
export function joinApiUrl(base: string, path: string, query: Query = {}): string {
  const url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const encoded = search.toString();
  return encoded === '' ? url : `${url}?${encoded}`;
}
