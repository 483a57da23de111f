import type { Request } from 'express';
import type { Collection } from '../../core/rest-api/collection';
import { ConnectError } from '../../errors';
import type { Host } from '../host';

export const MAX_RESULTS_LIMIT = 1000;
const DEFAULT_MAX_RESULTS = 100;

/** `start-index` (from 0) and `max-results` (up to 1000, 100 by default) of the request, checked. */
function paging(req: Request): { startIndex: number; maxResults: number } {
  return {
    startIndex: integerParameter(req, 'start-index', 0, Number.MAX_SAFE_INTEGER, 0),
    maxResults: integerParameter(req, 'max-results', 0, MAX_RESULTS_LIMIT, DEFAULT_MAX_RESULTS),
  };
}

/**
 * One page of `items`, with a `next` link while more remain. Links repeat the request's own query with
 * the new start index, but never its `auth_token`: a link is meant to be logged and passed around.
 */
export function page<T>(host: Host, req: Request, items: readonly T[]): Collection<T> {
  const { startIndex, maxResults } = paging(req);
  const links: Collection<T>['links'] = { self: linkTo(host, req, startIndex, maxResults) };
  if (startIndex + maxResults < items.length && maxResults > 0) links.next = linkTo(host, req, startIndex + maxResults, maxResults);
  return { items: items.slice(startIndex, startIndex + maxResults), startIndex, maxResults, links };
}

function linkTo(host: Host, req: Request, startIndex: number, maxResults: number): string {
  const url = new URL(selfLink(host, req));
  url.searchParams.set('start-index', String(startIndex));
  url.searchParams.set('max-results', String(maxResults));
  return url.toString();
}

/** The request's own URL, absolute, without its `auth_token`. */
export function selfLink(host: Host, req: Request): string {
  const url = new URL(req.originalUrl, host.urls.url);
  url.searchParams.delete('auth_token');
  return url.toString();
}

export function integerParameter(req: Request, name: string, min: number, max: number, fallback: number): number {
  const given = req.query[name];
  if (given === undefined) return fallback;
  const value = typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConnectError('PAYLOAD_INVALID', `${name} must be an integer from ${min} to ${max}`, { details: { field: name } });
  }
  return value;
}

/** A `true`/`false` query parameter. */
export function booleanParameter(req: Request, name: string, fallback: boolean): boolean {
  const given = req.query[name];
  if (given === undefined) return fallback;
  if (given === 'true' || given === 'false') return given === 'true';
  throw new ConnectError('PAYLOAD_INVALID', `${name} must be true or false`, { details: { field: name } });
}
