import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddonHandle } from '../core/handle';
import type { WebhookReply } from '../core/webhook/registry';
import { ConnectError } from '../errors';
import { readJsonBody } from './json-body';
import { endWith } from './send-json';
import { nodeTokenCarrier } from './token-carrier';
import { decodeSegment } from './path-segment';
import { STRICT_HEADER_LIST, STRICT_HEADERS } from './security-headers';

/** Answers one delivery; `segment` is the path's still-encoded last segment, the webhook's key. */
export type WebhookEndpoint = (req: IncomingMessage, res: ServerResponse, segment: string) => Promise<void>;

/**
 * The webhook route itself, on plain Node objects so that the mounted router and the standalone
 * server (both through `webhook-lane.ts`) answer a webhook with the same code: read the body, hand it and the token to
 * `verifyAndReceive()`, and answer with the reply the host is to post (200) or nothing (204), helmet's
 * strict headers in the same writeHead. A refusal it throws gets them from the lane, with the error's answer.
 */
export function createWebhookEndpoint(handle: AddonHandle): WebhookEndpoint {
  const { bodyBytes, bodyTimeoutMs } = handle.options;
  return async (req, res, segment) => {
    const key = decodeSegment(segment);
    if (!handle.webhooks.find(key)) throw new ConnectError('ROUTE_NOT_FOUND', `No webhook with key "${key}"`);
    const payload = await readJsonBody(req, bodyBytes, bodyTimeoutMs);
    answer(res, await handle.verifyAndReceive(key, nodeTokenCarrier(req), payload));
  };
}

/** One writeHead with every header (Express, mounted, may have set X-Powered-By already), one write. */
function answer(res: ServerResponse, reply: WebhookReply | undefined): void {
  for (const name of STRICT_HEADERS.removed) res.removeHeader(name);
  if (reply === undefined) return void res.writeHead(204, [...STRICT_HEADER_LIST]).end();
  const text = JSON.stringify(reply);
  res.writeHead(200, [...STRICT_HEADER_LIST, 'content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(text))]);
  endWith(res, text);
}
