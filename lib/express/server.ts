import { createServer, type RequestListener, type Server } from 'node:http';
import express from 'express';
import type { Addon } from '../addon';
import { createErrorResponder } from '../http/error-response';
import { listenAddress, listenAt, listeningUrl } from '../http/listen-address';
import { nodeTokenCarrier } from '../http/token-carrier';
import { createWebhookEndpoint } from '../http/webhook-endpoint';
import { webhookFirst } from '../http/webhook-first';
import { trustOf, untrustedProxyWarning } from './trust-proxy';
import { PATHS } from '../core/paths';
import type { WebhookRegistry } from '../core/webhooks';

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
  /**
   * Express's `trust proxy`, for a base URL derived behind ngrok or a reverse proxy. Default: the
   * setting of `app` when it is an Express app (`app.set('trust proxy', …)`), else off.
   */
  trustProxy?: boolean | number | string;
}

/**
 * Runs the add-on as a server of its own: webhooks on the fast lane, then the add-on's router and the
 * author's routes in one Express app. Resolves once it accepts connections.
 */
export async function listen(addon: Addon, webhooks: WebhookRegistry, options: ListenOptions = {}): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? trustOf(options.app) ?? false);
  if (addon.options.baseUrl === undefined) app.use(untrustedProxyWarning(addon.options.logger));
  app.use(addon.router);
  if (options.app) app.use(options.app as express.RequestHandler);
  const endpoint = createWebhookEndpoint(addon, webhooks, nodeTokenCarrier);
  const server = createServer(webhookFirst(endpoint, createErrorResponder(addon.options.logger), app));
  const address = listenAddress(options);
  await listenAt(server, address);
  const url = addon.options.baseUrl ?? listeningUrl(server, address);
  addon.options.logger.info({ url, descriptor: `${url}${PATHS.descriptor}` }, `${addon.options.name} listening`);
  return server;
}
