import express, { type RequestHandler } from 'express';
import { ConnectError, type ErrorCode } from '../../errors';
import { isPlainObject } from '../plain-object';

/** Enough for a 10000-character message with a full card; HipChat's own limit was not published. */
const API_BODY_LIMIT_BYTES = 64 * 1024;

const raw = express.raw({ type: () => true, limit: API_BODY_LIMIT_BYTES });

/**
 * The JSON object body of a REST call. It reads the bytes itself, rather than with express.json, so that
 * every refusal carries a code (BODY_TOO_LARGE, BODY_MALFORMED, BODY_UNSUPPORTED_TYPE) and so that a
 * body that does not parse stays on the request as text for the exchange report. No body leaves
 * `req.body` undefined, so the report tells a missing body from an empty object (an `auth_test=true`
 * call sends none); the routes read it through `bodyOf`, which takes that for `{}`.
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  raw(req, res, (error?: unknown) => {
    if (error) return next(bodyError(error));
    const bytes: unknown = req.body;
    const text = Buffer.isBuffer(bytes) ? bytes.toString('utf8') : '';
    req.body = text;
    if (text === '') {
      req.body = undefined;
      return next();
    }
    if (!/\bjson\b/i.test(req.get('content-type') ?? 'application/json')) {
      return next(new ConnectError('BODY_UNSUPPORTED_TYPE', 'The body must be JSON (Content-Type: application/json)'));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return next(new ConnectError('BODY_MALFORMED', 'The body is not valid JSON'));
    }
    if (!isPlainObject(parsed)) return next(new ConnectError('PAYLOAD_INVALID', 'The body must be a JSON object'));
    req.body = parsed;
    next();
  });
};

/** body-parser's own errors, given the codes the rest of the toolkit uses. */
function bodyError(error: unknown): ConnectError {
  const type = (error as { type?: unknown }).type;
  const code: ErrorCode = type === 'entity.too.large' ? 'BODY_TOO_LARGE' : 'BODY_MALFORMED';
  const message = code === 'BODY_TOO_LARGE' ? `The body is larger than ${API_BODY_LIMIT_BYTES} bytes` : 'The body could not be read';
  return new ConnectError(code, message, { cause: error });
}
