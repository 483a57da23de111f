import type { NextFunction, Request, Response } from 'express';
import type { AddonHandle } from '../core/handle';
import { queryGlance } from '../core/glance/query';
import { pageTokenPolicy, refreshPageToken } from '../core/jwt/page-token';
import { PATHS } from '../core/paths';
import { glanceCorsHeaders } from '../core/ui/cors';
import { viewerOf } from '../core/ui/viewer';
import { ConnectError } from '../errors';
import { nodeTokenCarrier } from '../http/token-carrier';
import { serveClientScript } from './client-script';
import { createPageOpener, type PageHandler } from './page';
import type { RouteTable } from './routes';
import { sendJson } from '../http/send-json';

/**
 * The routes behind the UI modules: glance queries (with CORS for the allowed hosts), the pages the
 * add-on serves, the page-token refresh, and the client helper. Handlers are looked up per request, so
 * a module declared after the router was built is served too.
 */
export function addUiRoutes(routes: RouteTable, handle: AddonHandle<PageHandler>): void {
  const { options, allowedHosts, ui } = handle;
  const openPage = createPageOpener(handle);

  const glanceHandler = (key: string) => {
    const handler = ui.glanceHandler(key);
    if (!handler) throw new ConnectError('ROUTE_NOT_FOUND', `No glance with key "${key}" is served by the add-on`);
    return handler;
  };
  routes.add('OPTIONS', '/glances/:param', (req, res, _next, key) => {
    glanceHandler(key);
    res.writeHead(204, glanceCorsHeaders(req.headers.origin, allowedHosts, true)).end();
  });
  routes.add('GET', '/glances/:param', async (req, res, _next, key) => {
    const handler = glanceHandler(key);
    // Before verifying, so that a refusal reaches the host's script as a readable 401 rather than a CORS
    // failure. no-store: every query carries a one-time signed_request and one viewer's data.
    const headers = { ...glanceCorsHeaders(req.headers.origin, allowedHosts, false), 'cache-control': 'no-store' };
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const verified = await handle.verify(nodeTokenCarrier(req));
    sendJson(res, 200, await queryGlance(key, handler, viewerOf(verified, handle.client), options.logger));
  });

  const servePage = async (path: string, req: Request, res: Response, next: NextFunction) => {
    const handler = ui.pageHandler(path);
    if (!handler) throw new ConnectError('ROUTE_NOT_FOUND', `No page is served at ${path}`);
    await openPage(req, res);
    await handler(req, res as Parameters<PageHandler>[1], next);
  };
  routes.add('GET', '/pages/:param', (req, res, next, key) => servePage(PATHS.page(key), req, res, next));
  for (const path of [PATHS.configurable, PATHS.adminPage]) routes.add('GET', path, (req, res, next) => servePage(path, req, res, next));

  routes.add('POST', PATHS.pageToken, async (req, res) => {
    const verified = await handle.verify(nodeTokenCarrier(req));
    sendJson(res, 200, refreshPageToken(verified, pageTokenPolicy(options), options.now()), { 'cache-control': 'no-store' });
  });
  routes.add('GET', PATHS.clientScript, serveClientScript);
}
