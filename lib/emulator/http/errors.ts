import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { isConnectError, type ConnectError, type ErrorCode } from '../../errors';
import type { Logger } from '../../logger';
import { EmulatorError } from '../emulator-error';

/** A coded error a route may throw: the add-on toolkit's (a bad field, a bad descriptor) or the host's own. */
type CodedError = ConnectError | EmulatorError;

export function isCodedError(value: unknown): value is CodedError {
  return isConnectError(value) || value instanceof EmulatorError;
}

/** What the REST API's error body may add (docs/protocol.md#error-bodies): the request field at fault and the rule it broke. */
interface ErrorDetail {
  field?: string;
  validation?: string;
}

/**
 * The error body of HipChat's REST API (docs/protocol.md#error-bodies), which the emulator uses for all its
 * routes.
 */
export function sendError(res: Response, status: number, message: string, detail: ErrorDetail = {}): void {
  res.status(status).json({ error: { code: status, type: STATUS_CODES[status] ?? 'Error', message, ...detail } });
}

/** The field and rule a coded error names in its details, when it names them as strings. */
function detailOf(details: Record<string, unknown> | undefined): ErrorDetail {
  const detail: ErrorDetail = {};
  if (typeof details?.field === 'string') detail.field = details.field;
  if (typeof details?.validation === 'string') detail.validation = details.validation;
  return detail;
}

/**
 * The status the host answers for a coded error. An add-on's descriptor is what an install request
 * brings, so its faults are the request's (400, naming the problems, as `hipchat-connect validate`
 * does), where for the add-on itself, at start-up, they are its own (500).
 */
export function hostStatus(error: CodedError): number {
  return isConnectError(error) && REQUEST_FAULTS.has(error.code) ? 400 : error.status;
}

const REQUEST_FAULTS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['DESCRIPTOR_INVALID']);

export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, `No route for ${req.method} ${req.path}`);
};

/**
 * Turns anything a route throws into the REST API's error body (docs/protocol.md#error-bodies). A coded error carries its own status and a
 * message meant to be read; body-parser errors say whether theirs may be shown (`expose`); anything
 * else is a bug, logged here and answered without details.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (isCodedError(error)) return sendError(res, hostStatus(error), error.message, detailOf(error.details));
    const http = error as { status?: unknown; expose?: unknown; message?: unknown };
    if (typeof http.status === 'number' && http.expose === true) return sendError(res, http.status, String(http.message));
    logger.error({ error, method: req.method, path: req.path }, 'emulator: route failed');
    sendError(res, 500, 'Internal error');
  };
}
