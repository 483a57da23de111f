import type { ErrorRequestHandler, Response } from 'express';
import { ConnectError, toConnectError } from '../errors';
import type { Logger } from '../logger';
import { sendJson } from './send-json';

/**
 * The one place a thrown error becomes a response: its code's status and a JSON body with the code and
 * message, never a stack. Only errors nobody anticipated are logged here; expected refusals were
 * logged (or not) where they happened, so each failure is logged once.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const connectError = fromExpress(error);
    if (connectError.code === 'INTERNAL') logger.error({ err: connectError.cause ?? error, method: req.method, path: req.path }, 'unexpected error');
    sendError(res, connectError);
  };
}

export function sendError(res: Response, error: ConnectError): void {
  sendJson(res, error.status, error.toJSON(), error.status === 401 ? { 'www-authenticate': 'JWT' } : {});
}

/** Errors of Express's own body parsers, when the author mounted them before our router. */
function fromExpress(error: unknown): ConnectError {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new ConnectError('BODY_TOO_LARGE', 'The request body is too large', { cause: error });
  if (type === 'entity.parse.failed') return new ConnectError('BODY_MALFORMED', 'The request body is not valid JSON', { cause: error });
  return toConnectError(error);
}
