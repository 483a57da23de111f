import express, { type Express } from 'express';
import { logApiCalls } from './api-call-log';
import { recordExchanges } from '../api/exchange';
import { apiRouter } from '../api/router';
import type { Host } from '../host';
import type { InstallableTickets } from '../redirect-flows';
import { capabilitiesRoute } from './capabilities-route';
import { errorHandler, notFound } from './errors';
import { eventStream } from './event-stream';
import { installationRoutes } from './installation-routes';
import { redirectRoutes } from './redirect-routes';
import { tokenRoutes } from './token-routes';
import { uiAssets } from './ui-assets';
import { uiRoutes } from './ui-routes';
import { viewRoutes } from './view-routes';

/**
 * The emulator's HTTP face: HipChat's routes under `/v2` and `/addons`, test-facing ones under
 * `/emulator`, and the web UI at `/` with the JavaScript API add-on pages load.
 */
export function createApp(host: Host, tickets: InstallableTickets): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/v2', logApiCalls(host.logger));
  if (host.onExchange) app.use('/v2', recordExchanges(host.onExchange, host.logger));
  app.use(capabilitiesRoute(host), tokenRoutes(host), installationRoutes(host), redirectRoutes(tickets), viewRoutes(host));
  app.use(uiAssets(), uiRoutes(host), eventStream(host));
  app.use('/v2', apiRouter(host));
  app.use(notFound);
  app.use(errorHandler(host.logger));
  return app;
}
