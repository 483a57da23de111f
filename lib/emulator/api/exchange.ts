import type { RequestHandler, Response } from 'express';
import { queryOf } from '../../http/query';
import type { Logger } from '../../logger';

/** One request to the REST API and its answer, as a contract check wants to see them. */
export interface ApiExchange {
  method: string;
  /** As requested, still URL-encoded, without the query: `/v2/room/My%20Room/notification`. */
  path: string;
  /** Each parameter once as a string, or as an array when it was repeated. */
  query: Record<string, string | string[]>;
  /** The parsed body; its text when it was not valid JSON; undefined when there was none. */
  requestBody: unknown;
  status: number;
  /** The parsed JSON answer; undefined when the answer had no body. */
  responseBody: unknown;
}

/**
 * Reports every exchange under `/v2` to `onExchange`. It hooks `res.end`, so the report is made before
 * the answer leaves: a test that awaited the response can rely on its exchange having been seen.
 */
export function recordExchanges(onExchange: (exchange: ApiExchange) => void, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const url = new URL(req.originalUrl, 'http://emulator');
      const exchange: ApiExchange = {
        method: req.method,
        path: url.pathname,
        query: queryOf(url.searchParams),
        requestBody: req.body as unknown,
        status: res.statusCode,
        responseBody: bodyOf(args[0], res.get('content-type')),
      };
      try {
        onExchange(exchange);
      } catch (error) {
        logger.error({ error, path: exchange.path }, 'emulator: onExchange threw');
      }
      return end(...args);
    }) as Response['end'];
    next();
  };
}

function bodyOf(chunk: unknown, contentType: string | undefined): unknown {
  if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return undefined;
  const text = chunk.toString();
  if (text === '') return undefined;
  if (!/\bjson\b/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
