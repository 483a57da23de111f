import type { ServerResponse } from 'node:http';
import { sendJson } from './send-json';

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
