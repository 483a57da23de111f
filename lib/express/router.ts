import { Router, type Request, type Response } from 'express';
import type { Addon } from '../addon';
import { install } from '../core/install/install';
import { completeRedirect, type RedirectKind } from '../core/install/redirect';
import { uninstall } from '../core/install/uninstall';
import { PATHS } from '../core/paths';
import type { WebhookRegistry } from '../core/webhooks';
import { ConnectError, toConnectError } from '../errors';
import { requestBaseUrl } from './base-url';
import { readJsonBody } from './body';
import { tokenCarrier } from './carrier';
import { createErrorHandler, sendError } from './error-handler';
import { sendJson } from './send-json';

type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * The add-on's own routes: descriptor, lifecycle callbacks, webhooks. Anything else passes through to
 * the app around it. Each route answers once, from a promise, so a rejection cannot escape Express 4.
 */
export function createRouter(addon: Addon, webhooks: WebhookRegistry): Router {
  const { options, lifecycle } = addon;
  const router = Router();
  const route = (handler: Handler) => (req: Request, res: Response) => {
    handler(req, res).catch((error: unknown) => sendError(res, toConnectError(error)));
  };
  const json = (req: Request) => readJsonBody(req, options.bodyBytes);
  const baseUrl = (req: Request) => requestBaseUrl(req, options.baseUrl);

  // First, because it is the route every message travels: the router matches fewer layers to reach it.
  router.post('/webhooks/:key', route(async (req, res) => {
    const key = String(req.params.key);
    if (!webhooks.find(key)) throw new ConnectError('ROUTE_NOT_FOUND', `No webhook with key "${key}"`);
    const payload = await json(req);
    const { installation, claims } = await addon.verify(tokenCarrier(req));
    const reply = await addon.receive({ key, payload, installation, claims });
    if (reply === undefined) res.writeHead(204).end();
    else sendJson(res, 200, reply);
  }));

  router.get(PATHS.descriptor, route(async (req, res) => {
    res.json(addon.descriptor(baseUrl(req)));
  }));
  router.get('/', (req, res, next) => {
    if (req.accepts(['html', 'json']) !== 'json') return next();
    res.json(addon.descriptor(baseUrl(req)));
  });

  const installRoute = route(async (req, res) => {
    const body = await json(req);
    const authorization = req.headers.authorization;
    const proofToken = authorization?.startsWith('JWT ') ? authorization.slice(4).trim() : undefined;
    const installation = await install(lifecycle, body, { proofToken });
    res.status(200).json({ oauthId: installation.oauthId, groupId: installation.groupId, roomId: installation.roomId ?? null });
  });
  router.post(PATHS.installable, installRoute);
  router.post(PATHS.update, installRoute);
  router.delete(`${PATHS.installable}/:oauthId`, route(async (req, res) => {
    await uninstall(lifecycle, String(req.params.oauthId));
    res.status(204).end();
  }));

  if (options.redirectFlows) {
    const redirects: [string, RedirectKind][] = [[PATHS.installedRedirect, 'installed'], [PATHS.updatedRedirect, 'updated'], [PATHS.uninstalledRedirect, 'uninstalled']];
    for (const [path, kind] of redirects) {
      router.get(path, route(async (req, res) => res.redirect(303, await completeRedirect(lifecycle, kind, req.query as Record<string, unknown>))));
    }
  }

  router.use(createErrorHandler(options.logger));
  return router;
}
