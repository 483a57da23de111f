import express, { type Express } from 'express';
import type { Host } from '../host';
import { capabilitiesRoute } from './capabilities-route';
import { errorHandler, notFound } from './errors';
import { installationRoutes } from './installation-routes';
import { tokenRoutes } from './token-routes';

/** The emulator's HTTP face: HipChat's routes under `/v2` and `/addons`, test-facing ones under `/emulator`. */
export function createApp(host: Host): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(capabilitiesRoute(host), tokenRoutes(host), installationRoutes(host));
  app.use(notFound);
  app.use(errorHandler(host.logger));
  return app;
}
