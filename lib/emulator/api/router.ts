import type { ErrorRequestHandler, Router } from 'express';
import type { Host } from '../host';
import { hostStatus, isCodedError } from '../http/errors';
import { addonRoutes } from './addons';
import { jsonBody } from './body';
import { directoryRoutes } from './directory';
import { glanceRoutes } from './glances';
import { historyRoutes } from './history';
import { messageRoutes } from './messages';
import { roomRoutes } from './rooms';
import { webhookRoutes } from './webhooks';
import { hostRouter } from '../http/router';

/** The REST API (docs/protocol.md#rest-api), mounted under `/v2`; each route declares its own access. */
export function apiRouter(host: Host): Router {
  const router = hostRouter();
  // Bodies are read before the token is checked, so that every exchange reports what the client sent.
  router.use((req, res, next) => (req.method === 'POST' || req.method === 'PUT' ? jsonBody(req, res, next) : next()));
  router.use(roomRoutes(host), messageRoutes(host), historyRoutes(host), webhookRoutes(host), directoryRoutes(host), glanceRoutes(host), addonRoutes(host));
  router.use(recordRefusal(host));
  return router;
}

/**
 * Logs each coded refusal for tests (the HTTP body carries only the fields of docs/protocol.md#error-bodies),
 * and challenges a caller without a usable token, as a Bearer-protected API does. The app's error handler
 * answers.
 */
function recordRefusal(host: Host): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (isCodedError(error)) {
      host.log.apiRefusals.push({ method: req.method, path: req.originalUrl.split('?')[0] ?? '', status: hostStatus(error), code: error.code });
      if (error.code === 'TOKEN_MISSING' || error.code === 'TOKEN_INVALID') res.set('WWW-Authenticate', 'Bearer realm="HipChat"');
    }
    next(error);
  };
}
