import type { IncomingMessage, RequestListener } from 'node:http';
import { PATHS } from '../core/paths';
import type { ErrorResponder } from './error-response';
import { decodeSegment } from './path-segment';
import type { WebhookEndpoint } from './webhook-endpoint';

const WEBHOOKS = PATHS.webhook('');

/**
 * A request listener that answers the add-on's webhooks before any framework sees them and hands every
 * other request to `next`. Webhooks are the one route a host calls at volume, and a web framework's
 * per-request set-up (request decoration, router layers) costs more than verifying the token does.
 */
export function webhookFirst(endpoint: WebhookEndpoint, respondWithError: ErrorResponder, next: RequestListener): RequestListener {
  return (req, res) => {
    let key: string | undefined;
    try {
      key = webhookKeyOf(req);
    } catch (error) {
      return respondWithError(req, res, error);
    }
    if (key === undefined) return next(req, res);
    endpoint(req, res, key).catch((error: unknown) => respondWithError(req, res, error));
  };
}

/** The key of `POST /webhooks/<key>[?query]`, decoded; undefined for any other request. */
function webhookKeyOf(req: IncomingMessage): string | undefined {
  const url = req.url ?? '';
  if (req.method !== 'POST' || !url.startsWith(WEBHOOKS)) return undefined;
  const queryAt = url.indexOf('?');
  const segment = url.slice(WEBHOOKS.length, queryAt < 0 ? undefined : queryAt);
  return segment === '' || segment.includes('/') ? undefined : decodeSegment(segment);
}
