import { createServer, type RequestListener, type Server } from 'node:http';
import express from 'express';
import type { Addon } from '../addon';
import { createErrorResponder } from '../http/error-response';
import { listenOn } from '../http/listen';
import { nodeTokenCarrier } from '../http/token-carrier';
import { createWebhookEndpoint } from '../http/webhook-endpoint';
import { webhookFirst } from '../http/webhook-first';
import type { WebhookRegistry } from '../core/webhooks';
import { drainOf } from '../http/drain';
import { closeOnSignals } from '../http/signals';

export interface ListenOptions {
  /** Default: `PORT` from the environment, else 3000; 0 picks a free port. */
  port?: number;
  /**
   * Default: `HOST` from the environment, else 127.0.0.1, so that an add-on in development is not
   * reachable from the network by accident; use 0.0.0.0 in a container.
   */
  host?: string;
  /** The author's own routes (an Express app or router), served after the add-on's. */
  app?: RequestListener | express.RequestHandler;
  /** Express's `trust proxy`, for a base URL derived behind ngrok or a reverse proxy. */
  trustProxy?: boolean | number | string;
  /**
   * On SIGTERM and SIGINT, close gracefully (`addon.close()`: finish in-flight requests within
   * `limits.shutdownTimeoutMs`, then close the store) and exit by the same signal. Default true; false
   * for authors who handle signals themselves (and call `addon.close()`).
   */
  handleSignals?: boolean;
}

/**
 * Runs the add-on as a server of its own: webhooks on the fast lane, then the add-on's router and the
 * author's routes in one Express app. Resolves once it accepts connections.
 */
export async function listen(addon: Addon, webhooks: WebhookRegistry, options: ListenOptions = {}): Promise<Server> {
  // Strict pattern checking refuses to start with a vulnerable pattern; otherwise checks never delay start-up.
  if (addon.options.patternCheck === 'strict') await addon.ready();
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.use(addon.router);
  if (options.app) app.use(options.app as express.RequestHandler);
  const drain = drainOf(addon);
  const endpoint = createWebhookEndpoint(addon, webhooks, nodeTokenCarrier);
  const serve = webhookFirst((req, res, key) => drain.run(() => endpoint(req, res, key)), createErrorResponder(addon.options.logger), app);
  const server = createServer((req, res) => {
    drain.track(new Promise((resolve) => res.once('close', resolve)));
    if (drain.closing) res.setHeader('connection', 'close');
    serve(req, res);
  });
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  await listenOn(server, port, host);
  drain.serve(server);
  if (options.handleSignals ?? true) closeOnSignals(addon, server);
  return server;
}
