import type { IncomingMessage, ServerResponse } from 'node:http';
import { toConnectError, type ConnectError } from '../errors';
import type { Logger } from '../logger';
import { sendJson } from './send-json';

export type ErrorResponder = (req: IncomingMessage, res: ServerResponse, error: unknown) => void;

/**
 * The one place a thrown error becomes a response: its code's status and a JSON body with the code and
 * message, never a stack. Only errors nobody anticipated are logged here; expected refusals were
 * logged (or not) where they happened, so each failure is logged once.
 */
export function createErrorResponder(logger: Logger): ErrorResponder {
  return (req, res, error) => {
    const connectError = toConnectError(error);
    if (connectError.code === 'INTERNAL') logger.error({ err: connectError.cause ?? error, method: req.method, path: pathOf(req) }, 'unexpected error');
    // Too late for a status: cutting the connection is the only honest signal left.
    if (res.headersSent) return void res.destroy();
    sendJson(res, connectError.status, connectError.toJSON(), headersFor(connectError));
  };
}

/**
 * 401 says how to authenticate. After a 408 the rest of the body may still be on its way: the connection
 * is closed rather than kept for a client that cannot say where its next request begins. A closing
 * add-on closes connections too, so the client's next request goes to another process.
 */
function headersFor(error: ConnectError): Record<string, string> {
  if (error.status === 401) return { 'www-authenticate': 'JWT' };
  return error.status === 408 || error.code === 'SHUTTING_DOWN' ? { connection: 'close' } : {};
}

/** The path without the query, which may hold a signed_request that must not reach the logs. */
function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?', 1)[0] ?? '';
}
