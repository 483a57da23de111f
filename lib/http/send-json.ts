import type { ServerResponse } from 'node:http';

/**
 * Writes a JSON answer directly. Express's `res.json` also hashes the body for an ETag and checks
 * request freshness, which only matter to caches; nothing caches a webhook or lifecycle answer, and on
 * the webhook hot path that work is a measurable share of each request.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  endWith(res, text);
}

/**
 * Ends a response (its head already written) with its body, so that Node sends both as one string in
 * one write: `end(body)` corks the socket and adds an empty final chunk, which sends the answer by
 * writev, the largest frame of the webhook's profile (docs/performance.md). The uncork flushes only
 * what `write` corked for this answer; a response queued behind a pipelined one has no socket yet.
 */
export function endWith(res: ServerResponse, text: string): void {
  res.write(text);
  res.socket?.uncork();
  res.end();
}
