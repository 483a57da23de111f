import type { IncomingMessage } from 'node:http';
import type { TokenCarrier } from '../core/jwt/extract';

/**
 * The parts of a plain Node request where a JWT may arrive. The query is parsed only when asked for,
 * since a webhook's token is normally in the header. A name given twice becomes a list, as Express's
 * parser makes it, so that the extractor refuses an ambiguous signed_request either way.
 */
export function nodeTokenCarrier(req: IncomingMessage & { body?: unknown }): TokenCarrier {
  return {
    authorization: req.headers.authorization,
    get query() {
      return queryOf(req.url ?? '');
    },
    get body() {
      return req.body;
    },
  };
}

function queryOf(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const start = url.indexOf('?');
  if (start < 0) return query;
  for (const [name, value] of new URLSearchParams(url.slice(start + 1))) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [seen, value].flat();
  }
  return query;
}
