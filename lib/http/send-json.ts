import type { ServerResponse } from 'node:http';

/**
 * Writes a JSON answer directly. Express's `res.json` also hashes the body for an ETag and checks
 * request freshness, which only matter to caches; nothing caches a webhook or lifecycle answer, and on
 * the webhook hot path that work is a measurable share of each request.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
