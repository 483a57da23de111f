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

/**
 * Sends a JSON answer and resolves once it is known whether it left: true when all of it was handed to
 * the connection, false when the connection was gone first (the client gave up waiting, or the add-on
 * cut it while shutting down). For answers whose loss must be undone, such as an install's.
 */
export function sendJsonAnswer(res: ServerResponse, status: number, body: unknown): Promise<boolean> {
  if (res.destroyed || res.socket?.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    res.once('finish', () => resolve(true));
    res.once('close', () => resolve(res.writableFinished));
    sendJson(res, status, body);
  });
}
