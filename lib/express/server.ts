import { createServer, type RequestListener, type Server } from 'node:http';
import express from 'express';
import type { AddonHandle } from '../core/handle';
import { createErrorResponder } from '../http/error-response';
import { listenAddress, listenAt, listeningUrl } from '../http/listen-address';
import { webhookLane } from '../http/webhook-lane';
import { drainOf } from '../http/drain';
import { closeOnSignals } from '../http/signals';
import { trustOf, trustProxyFromEnv, untrustedProxyWarning } from './trust-proxy';
import { PATHS } from '../core/paths';
/** What `listen` needs of the add-on beyond its handle: its start-up checks, and its graceful close for signals. */
export interface Lifetime {
  ready(): Promise<void>;
  close(): Promise<void>;
}

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
   * Express's `trust proxy`, for a base URL derived behind ngrok or a reverse proxy. Default:
   * `HIPCHAT_CONNECT_TRUST_PROXY`, else the setting of `app` when it is an Express app
   * (`app.set('trust proxy', …)`), else off.
   */
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
export async function listen(handle: AddonHandle, router: express.RequestHandler, lifetime: Lifetime, options: ListenOptions = {}): Promise<Server> {
  // Strict pattern checking refuses to start with a vulnerable pattern; otherwise checks never delay start-up.
  if (handle.options.patternCheck === 'strict') await lifetime.ready();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? trustProxyFromEnv() ?? trustOf(options.app) ?? false);
  if (handle.options.baseUrl === undefined) app.use(untrustedProxyWarning(handle.options.logger));
  app.use(router);
  if (options.app) app.use(options.app as express.RequestHandler);
  const drain = drainOf(handle);
  const webhooks = webhookLane(handle, createErrorResponder(handle.options.logger));
  const server = createServer((req, res) => {
    res.once('close', drain.hold());
    if (drain.closing) res.setHeader('connection', 'close');
    if (!webhooks(req, res)) app(req, res);
  });
  const address = listenAddress(options);
  await listenAt(server, address);
  drain.serve(server);
  if (options.handleSignals ?? true) closeOnSignals({ close: lifetime.close, options: handle.options }, server);
  const url = handle.options.baseUrl ?? listeningUrl(server, address);
  handle.options.logger.info({ url, descriptor: `${url}${PATHS.descriptor}` }, `${handle.options.name} listening`);
  return server;
}
