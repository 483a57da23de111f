import type { Request, Response } from 'express';
import { toConnectError } from '../errors';
import type { Logger } from '../logger';
import { sendJson } from './send-json';

export type ErrorResponder = (req: Request, res: Response, error: unknown) => void;

/**
 * The one place a thrown error becomes a response: its code's status and a JSON body with the code and
 * message, never a stack. Only errors nobody anticipated are logged here; expected refusals were
 * logged (or not) where they happened, so each failure is logged once.
 */
export function createErrorResponder(logger: Logger): ErrorResponder {
  return (req, res, error) => {
    const connectError = toConnectError(error);
    if (connectError.code === 'INTERNAL') logger.error({ err: connectError.cause ?? error, method: req.method, path: req.path }, 'unexpected error');
    // Too late for a status: cutting the connection is the only honest signal left.
    if (res.headersSent) return void res.destroy();
    sendJson(res, connectError.status, connectError.toJSON(), connectError.status === 401 ? { 'www-authenticate': 'JWT' } : {});
  };
}
