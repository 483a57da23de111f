import type { IncomingMessage, RequestListener } from 'node:http';
import { PATHS } from '../core/paths';
import type { ErrorResponder } from './error-response';
import { decodeSegment } from './path-segment';
import { applyHeaders, STRICT_HEADERS } from './security-headers';
import type { WebhookEndpoint } from './webhook-endpoint';

const WEBHOOKS = PATHS.webhook('');

/**
 * A request listener that answers the add-on's webhooks before any framework sees them and hands every
 * other request to `next`. Webhooks are the one route a host calls at volume, and a web framework's
 * per-request set-up (request decoration, router layers) costs more than verifying the token does.
 * The answers carry the same strict headers as the router's (the endpoint writes them; a refusal
 * before it, such as a malformed key, gets them here).
 */
export function webhookFirst(endpoint: WebhookEndpoint, respondWithError: ErrorResponder, next: RequestListener): RequestListener {
  return (req, res) => {
    const segment = webhookSegmentOf(req);
    if (segment === undefined) return next(req, res);
    Promise.resolve()
      .then(() => endpoint(req, res, decodeSegment(segment)))
      .catch((error: unknown) => {
        if (!res.headersSent) applyHeaders(res, STRICT_HEADERS);
        respondWithError(req, res, error);
      });
  };
}

/** The still-encoded key of `POST /webhooks/<key>[?query]`; undefined for any other request. */
function webhookSegmentOf(req: IncomingMessage): string | undefined {
  const url = req.url ?? '';
  if (req.method !== 'POST' || !url.startsWith(WEBHOOKS)) return undefined;
  const queryAt = url.indexOf('?');
  const segment = url.slice(WEBHOOKS.length, queryAt < 0 ? undefined : queryAt);
  return segment === '' || segment.includes('/') ? undefined : segment;
}
