import type { Request, RequestHandler, Response } from 'express';
import type { AddonHandle } from '../core/handle';
import type { RedirectKind } from '../core/install/redirect';
import { PATHS } from '../core/paths';
import { createErrorResponder } from '../http/error-response';
import { readJsonBody } from '../http/json-body';
import { sendJsonAnswer } from '../http/answer';
import { drainOf } from '../http/drain';
import { sendJson } from '../http/send-json';
import { webhookLane } from '../http/webhook-lane';
import { requestBaseUrl } from './base-url';
import type { PageHandler } from './page';
import { RouteTable } from './routes';
import { addUiRoutes } from './ui-routes';
import { applyHeaders, STRICT_HEADERS } from '../http/security-headers';

/** Longer than a store's own time-out (RedisStore: 2 s), so that its coded failure is what is heard. */
const HEALTH_TIMEOUT_MS = 3000;

/**
 * The add-on's own routes: descriptor, lifecycle callbacks, webhooks, glances, pages, as one middleware
 * to mount in any Express 4 or 5 app, under any path. Webhooks take their lane first (`webhook-lane.ts`),
 * the rest the route table. Anything else passes through to the app around it.
 * Every answer carries helmet's strict headers (pages loosen framing for the host), and every route
 * answers from a promise whose rejection becomes a coded error response, so nothing escapes Express 4.
 */
export function createRouter(handle: AddonHandle<PageHandler>): RequestHandler {
  const { options } = handle;
  const routes = new RouteTable();
  const respondWithError = createErrorResponder(options.logger);
  const drain = drainOf(handle);
  const json = (req: Request) => readJsonBody(req, options.bodyBytes, options.bodyTimeoutMs);
  const descriptor = (req: Request, res: Response) => sendJson(res, 200, handle.descriptor(requestBaseUrl(req, options.baseUrl)));

  const webhooks = webhookLane(handle, respondWithError);
  routes.add('GET', PATHS.descriptor, descriptor);
  routes.add('GET', '/', (req, res, next) => (req.accepts(['html', 'json']) === 'json' ? descriptor(req, res) : next()));

  const installRoute = async (req: Request, res: Response) => {
    const body = await json(req);
    const authorization = req.headers.authorization;
    const proofToken = authorization?.startsWith('JWT ') ? authorization.slice(4).trim() : undefined;
    // The answer is part of the install: one that cannot be sent rolls the install back.
    await handle.install(body, proofToken, (installation) =>
      sendJsonAnswer(res, 200, { oauthId: installation.oauthId, groupId: installation.groupId, roomId: installation.roomId ?? null }));
  };
  routes.add('POST', PATHS.installable, installRoute);
  routes.add('POST', PATHS.update, installRoute);
  routes.add('DELETE', `${PATHS.installable}/:param`, async (_req, res, _next, oauthId) => {
    await handle.uninstall(oauthId);
    res.writeHead(204).end();
  });

  if (handle.redirectFlows) {
    const redirects: [string, RedirectKind][] = [[PATHS.installedRedirect, 'installed'], [PATHS.updatedRedirect, 'updated'], [PATHS.uninstalledRedirect, 'uninstalled']];
    for (const [path, kind] of redirects) {
      routes.add('GET', path, async (req, res) => res.redirect(303, await handle.completeRedirect(kind, req.query as Record<string, unknown>)));
    }
  }

  addUiRoutes(routes, handle);
  routes.add('GET', PATHS.healthz, async (_req, res) => sendJson(res, 200, await handle.health(HEALTH_TIMEOUT_MS), { 'cache-control': 'no-store' }));

  return (req, res, next) => {
    if (webhooks(req, res)) return;
    let matched;
    try {
      matched = routes.match(req.method, req.path);
    } catch (error) {
      applyHeaders(res, STRICT_HEADERS);
      return respondWithError(req, res, error);
    }
    if (!matched) return next();
    applyHeaders(res, STRICT_HEADERS);
    Promise.resolve()
      .then(() => drain.run(async () => matched.handler(req, res, next, matched.param)))
      .catch((error: unknown) => respondWithError(req, res, error));
  };
}
