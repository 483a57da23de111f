import { readTextCapped, type Fetch, type HttpRequest } from '../core/host/bounded-fetch';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * What one attempt came to. `sent: false` means the request never left (the connection was refused or
 * the name did not resolve), so even a POST may be sent again; after anything else the host may have
 * acted on it.
 */
export type Exchange =
  | { kind: 'answered'; answer: HttpAnswer }
  | { kind: 'timed-out'; cause: unknown }
  | { kind: 'unreachable'; sent: boolean; cause: unknown }
  | { kind: 'too-large'; status: number };

export interface ExchangeOptions {
  fetch: Fetch;
  timeoutMs: number;
  maxBytes: number;
}

/** Network error codes (Node's and undici's) raised before a single byte of the request was written. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One HTTP exchange, never throwing: the time-out covers the whole answer, body included, so a host that
 * sends headers and then stalls times out too. Redirects are not followed, so the bearer token is never
 * carried to another address.
 */
export async function exchange(request: HttpRequest, options: ExchangeOptions): Promise<Exchange> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, redirect: 'manual', signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await options.fetch(request.url, init);
    const text = await readTextCapped(response, options.maxBytes);
    if (text === undefined) return { kind: 'too-large', status: response.status };
    return { kind: 'answered', answer: { status: response.status, headers: response.headers, text } };
  } catch (cause) {
    if (signal.aborted) return { kind: 'timed-out', cause };
    return { kind: 'unreachable', sent: !errorCodes(cause).some((code) => NOT_SENT.has(code)), cause };
  }
}

/** The `code`s along an error's cause chain (fetch wraps the socket's error; happy eyeballs aggregates them). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const nested = Array.isArray(errors) ? errors.flatMap((inner) => errorCodes(inner, depth + 1)) : [];
  return [...(typeof code === 'string' ? [code] : []), ...errorCodes(cause, depth + 1), ...nested];
}
