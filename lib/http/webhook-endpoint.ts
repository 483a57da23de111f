import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Addon } from '../addon';
import type { TokenCarrier } from '../core/jwt/extract';
import type { WebhookRegistry } from '../core/webhooks';
import { ConnectError } from '../errors';
import { readJsonBody } from './json-body';
import { sendJson } from './send-json';

export type WebhookEndpoint<R extends IncomingMessage = IncomingMessage> = (req: R, res: ServerResponse, key: string) => Promise<void>;

/**
 * The webhook route itself, on plain Node objects so that the Express router and the standalone
 * server's fast lane answer a webhook with the same code: read the body, verify the token, hand both to
 * `receive()`, and answer with the reply the host is to post (200) or nothing (204).
 */
export function createWebhookEndpoint<R extends IncomingMessage>(
  addon: Addon,
  webhooks: WebhookRegistry,
  carrierOf: (req: R) => TokenCarrier,
): WebhookEndpoint<R> {
  const { bodyBytes, bodyTimeoutMs } = addon.options;
  return async (req, res, key) => {
    if (!webhooks.find(key)) throw new ConnectError('ROUTE_NOT_FOUND', `No webhook with key "${key}"`);
    const payload = await readJsonBody(req, bodyBytes, bodyTimeoutMs);
    const { installation, claims } = await addon.verify(carrierOf(req));
    const reply = await addon.receive(payload, { installation, claims, key });
    if (reply === undefined) res.writeHead(204).end();
    else sendJson(res, 200, reply);
  };
}
