import { invalidOption } from '../../errors';

/** Origin plus an optional path prefix; no query or fragment, which could not be joined onto. */
const BASE_URL = /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?$/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export type ResolveUrl = (url: string) => string;

/**
 * Returns a function that makes the framework's relative module URLs absolute under the base URL. It
 * joins strings instead of using `new URL()`, because URL resolution would drop a path prefix
 * (`https://abc.ngrok.io/addon` + `/panel`) and percent-encode the host's `{room_id}` placeholders.
 * Absolute URLs are returned unchanged.
 */
export function urlResolver(baseUrl: string): ResolveUrl {
  if (!BASE_URL.test(baseUrl)) throw invalidOption('baseUrl', `an absolute http(s) URL without query or fragment, not "${baseUrl}"`);
  const base = baseUrl.replace(/\/+$/, '');
  return (url) => (HAS_SCHEME.test(url) ? url : `${base}/${url.replace(/^\/+/, '')}`);
}
