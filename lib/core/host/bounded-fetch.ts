import { ConnectError, type ErrorCode } from '../../errors';

export type Fetch = typeof fetch;

/** A request as data: what the OAuth token request builds, and what the REST client's transport sends. */
export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BoundedRequest {
  fetch: Fetch;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  /** The code to throw when the host cannot be reached or misbehaves. */
  failure: ErrorCode;
}

export interface BoundedResponse {
  status: number;
  headers: Headers;
  text: string;
}

const MAX_REDIRECTS = 3;

/**
 * Fetches from a host the add-on does not control, during install and uninstall: bounded in time and
 * size, and following a redirect only within the original origin, so an allowed host cannot bounce the
 * add-on onto an internal address (server-side request forgery, docs/protocol.md#install-checks).
 */
export async function boundedFetch(url: string, request: BoundedRequest): Promise<BoundedResponse> {
  const origin = new URL(url).origin;
  const signal = AbortSignal.timeout(request.timeoutMs);
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await send(current, request, signal);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) {
      return { status: response.status, headers: response.headers, text: await readCapped(response, request, signal) };
    }
    await response.body?.cancel();
    current = new URL(location, current).toString();
    if (new URL(current).origin !== origin) {
      throw new ConnectError(request.failure, `${url} redirected to another origin`, { details: { url } });
    }
  }
  throw new ConnectError(request.failure, `${url} redirected more than ${MAX_REDIRECTS} times`, { details: { url } });
}

async function send(url: string, request: BoundedRequest, signal: AbortSignal): Promise<Response> {
  try {
    const init: RequestInit = { method: request.method ?? 'GET', redirect: 'manual', signal };
    if (request.headers) init.headers = request.headers;
    if (request.body !== undefined) init.body = request.body;
    return await request.fetch(url, init);
  } catch (cause) {
    const reason = signal.aborted ? `did not answer within ${request.timeoutMs} ms` : 'could not be reached';
    throw new ConnectError(request.failure, `${url} ${reason}`, { cause, details: { url } });
  }
}

async function readCapped(response: Response, request: BoundedRequest, signal: AbortSignal): Promise<string> {
  let text: string | undefined;
  try {
    text = await readTextCapped(response, request.maxBytes);
  } catch (cause) {
    const reason = signal.aborted ? `did not finish within ${request.timeoutMs} ms` : 'broke off';
    throw new ConnectError(request.failure, `The answer from ${response.url} ${reason}`, { cause });
  }
  if (text === undefined) throw tooLarge(response.url, request);
  return text;
}

/**
 * A response body as text, read only up to `maxBytes`: undefined when it is larger (the rest is left
 * unread and the stream cancelled). Rejects when the stream breaks off or the request's signal fires.
 */
export async function readTextCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(url: string, request: BoundedRequest): ConnectError {
  return new ConnectError(request.failure, `The answer from ${url} is larger than ${request.maxBytes} bytes`, { details: { url } });
}
