import type { Request } from 'express';
import type { TokenCarrier } from '../core/jwt/extract';

/** The parts of an Express request where a JWT may arrive. */
export function tokenCarrier(req: Request): TokenCarrier {
  return { authorization: req.headers.authorization, query: req.query as Record<string, unknown>, body: req.body };
}
