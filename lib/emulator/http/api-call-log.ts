import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';

/**
 * One info line per REST call, once answered: what an add-on asked of the host and what it got, which
 * is most of what a developer watches the emulator for. The path only: a query may carry a token.
 */
export function logApiCalls(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    res.once('finish', () => {
      const path = `${req.baseUrl}${req.path}`;
      logger.info({ method: req.method, path, status: res.statusCode, ms: Date.now() - started }, 'emulator: REST call');
    });
    next();
  };
}
