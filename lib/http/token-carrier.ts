import type { IncomingMessage } from 'node:http';
import type { TokenCarrier } from '../core/jwt/extract';
import { queryOf } from './query';

/**
 * The parts of a request where a JWT may arrive, for the fast lane and the Express routes alike (Express
 * keeps the query in `req.url` below a mount point, and a body parser's result in `req.body`). The query
 * is parsed only when asked for, since a webhook's token is normally in the header; a name given twice
 * becomes a list, so that the extractor refuses an ambiguous signed_request.
 */
export function nodeTokenCarrier(req: IncomingMessage & { body?: unknown }): TokenCarrier {
  return new NodeTokenCarrier(req);
}

/** A class, so that each request's carrier is one small object whose getters live on the prototype. */
class NodeTokenCarrier implements TokenCarrier {
  readonly authorization: string | undefined;

  constructor(private readonly req: IncomingMessage & { body?: unknown }) {
    this.authorization = req.headers.authorization;
  }

  get query(): Record<string, string | string[]> {
    const url = this.req.url ?? '';
    const start = url.indexOf('?');
    return queryOf(new URLSearchParams(start < 0 ? '' : url.slice(start + 1)));
  }

  get body(): unknown {
    return this.req.body;
  }
}
