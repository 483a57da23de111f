import type { IncomingMessage, ServerResponse } from 'node:http';
import { PATHS } from '../core/paths';
import type { AddonHandle } from '../core/handle';
import { drainOf } from './drain';
import type { ErrorResponder } from './error-response';
import { applyHeaders, STRICT_HEADERS } from './security-headers';
import { createWebhookEndpoint } from './webhook-endpoint';

const WEBHOOKS = PATHS.webhook('');

/** Answers the request and says true when it is a webhook delivery; says false, touching nothing, otherwise. */
export type WebhookLane = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The webhook's way in, for the standalone server (before Express sees the request) and the mounted
 * router (before its route table) alike. Webhooks are the one route a host calls at volume, so the lane
 * reads `POST /webhooks/<key>` off the raw URL (relative to the mount point, as Express gives it) and
 * goes straight to the endpoint, with the drain's refusal once closing and the one error mapping.
 * Every refusal (from the drain or the endpoint: a malformed key, a bad token, …) gets the strict headers here.
 */
export function webhookLane(handle: AddonHandle, respondWithError: ErrorResponder): WebhookLane {
  const endpoint = createWebhookEndpoint(handle);
  const drain = drainOf(handle);
  return (req, res) => {
    const segment = webhookSegmentOf(req);
    if (segment === undefined) return false;
    drain.run(() => endpoint(req, res, segment)).catch((error: unknown) => {
      if (!res.headersSent) applyHeaders(res, STRICT_HEADERS);
      respondWithError(req, res, error);
    });
    return true;
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
