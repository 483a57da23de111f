import express, { type Express } from 'express';
import type { Host } from '../host';
import type { InstallableTickets } from '../redirect-flows';
import { capabilitiesRoute } from './capabilities-route';
import { errorHandler, notFound } from './errors';
import { installationRoutes } from './installation-routes';
import { redirectRoutes } from './redirect-routes';
import { tokenRoutes } from './token-routes';

/** The emulator's HTTP face: HipChat's routes under `/v2` and `/addons`, test-facing ones under `/emulator`. */
export function createApp(host: Host, tickets: InstallableTickets): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(capabilitiesRoute(host), tokenRoutes(host), installationRoutes(host), redirectRoutes(tickets));
  app.use(notFound);
  app.use(errorHandler(host.logger));
  return app;
}
