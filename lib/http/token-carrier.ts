import type { IncomingMessage } from 'node:http';
import type { TokenCarrier } from '../core/jwt/extract';

/**
 * The parts of a request where a JWT may arrive, for the fast lane and the Express routes alike (Express
 * keeps the query in `req.url` below a mount point, and a body parser's result in `req.body`). The query
 * is parsed only when asked for, since a webhook's token is normally in the header; a name given twice
 * becomes a list, so that the extractor refuses an ambiguous signed_request.
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
