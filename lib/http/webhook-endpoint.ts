import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddonHandle } from '../core/handle';
import type { TokenCarrier } from '../core/jwt/extract';
import { ConnectError } from '../errors';
import { readJsonBody } from './json-body';
import { sendJson } from './send-json';

export type WebhookEndpoint<R extends IncomingMessage = IncomingMessage> = (req: R, res: ServerResponse, key: string) => Promise<void>;

/**
 * The webhook route itself, on plain Node objects so that the Express router and the standalone
 * server's fast lane answer a webhook with the same code: read the body, hand it and the token to
 * `verifyAndReceive()`, and answer with the reply the host is to post (200) or nothing (204).
 */
export function createWebhookEndpoint<R extends IncomingMessage>(handle: AddonHandle, carrierOf: (req: R) => TokenCarrier): WebhookEndpoint<R> {
  const { bodyBytes } = handle.options;
  return async (req, res, key) => {
    if (!handle.webhooks.find(key)) throw new ConnectError('ROUTE_NOT_FOUND', `No webhook with key "${key}"`);
    const payload = await readJsonBody(req, bodyBytes);
    const reply = await handle.verifyAndReceive(key, carrierOf(req), payload);
    if (reply === undefined) res.writeHead(204).end();
    else sendJson(res, 200, reply);
  };
}
