import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

/**
 * Express's `trust proxy` from `HIPCHAT_CONNECT_TRUST_PROXY`, for an add-on started by someone else:
 * `hipchat-connect dev` behind a tunnel sets it to `loopback`, since ngrok's agent (or the tunnel dev
 * opened) forwards from this machine. `true`/`false` and a hop count become what Express expects; any
 * other text (`loopback`, addresses, subnets) Express reads itself.
 */
export function trustProxyFromEnv(value = process.env.HIPCHAT_CONNECT_TRUST_PROXY): boolean | number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Says once, the first time a request arrives with `X-Forwarded-*` headers from a proxy the app does
 * not trust, that the descriptor is built from the Host header instead: behind ngrok or a reverse proxy
 * that gives the host the wrong URLs, and nothing else would tell the author why.
 */
export function untrustedProxyWarning(logger: Logger): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && (req.headers['x-forwarded-host'] !== undefined || req.headers['x-forwarded-proto'] !== undefined)) {
      const trusted = req.app.get('trust proxy fn') as TrustFunction | undefined;
      if (!trusted?.(req.socket.remoteAddress, 0)) {
        warned = true;
        logger.warn(
          { from: req.socket.remoteAddress, forwardedHost: req.headers['x-forwarded-host'], forwardedProto: req.headers['x-forwarded-proto'], host: req.headers.host },
          "X-Forwarded-* headers from a proxy that is not trusted: the descriptor's URLs use the Host header instead. "
            + "Trust it with app.set('trust proxy', …) on your app or listen({ trustProxy }), or set baseUrl (HIPCHAT_CONNECT_BASE_URL)",
        );
      }
    }
    next();
  };
}

type TrustFunction = (address: string | undefined, hop: number) => boolean;

/**
 * The author's app decides whom to trust, as it would on its own: asked at each request (not copied
 * now), so a setting made after `listen()` counts too. Only a setting of its own: once mounted, an app
 * that set none inherits the outer app's, which is this function. Undefined for a router or a listener.
 */
export function trustOf(app: unknown): TrustFunction | undefined {
  const author = app as { get?: (name: string) => unknown; settings?: object } | undefined;
  if (typeof author?.get !== 'function' || typeof author.settings !== 'object') return undefined;
  const { settings } = author;
  return (address, hop) => Object.hasOwn(settings, 'trust proxy fn') && (settings as Record<string, TrustFunction>)['trust proxy fn']!(address, hop);
}
