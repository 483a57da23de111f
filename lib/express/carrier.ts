import type { Request } from 'express';
import type { TokenCarrier } from '../core/jwt/extract';

/**
 * The parts of an Express request where a JWT may arrive, read when asked for: Express parses the query
 * anew on every access (and a webhook's token is normally in the header), and the body is there only
 * once it has been read.
 */
export function tokenCarrier(req: Request): TokenCarrier {
  return {
    authorization: req.headers.authorization,
    get query() {
      return req.query as Record<string, unknown>;
    },
    get body() {
      return req.body as unknown;
    },
  };
}
