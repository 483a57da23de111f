import { boundedFetch, type BoundedRequest, type BoundedResponse } from '../core/host/bounded-fetch';
import { ConnectError, isConnectError } from '../errors';
import { resolvedLoopbackUrl } from './loopback';

/** An add-on's answer as tests want to see it: the body parsed when it is JSON, text otherwise. */
export interface AddonAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface OutboundRequest {
  /** Names the URL in errors: "descriptor URL", "installable.callbackUrl", … */
  what: string;
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
}

const TIMEOUT_MS = 10_000;
const MAX_BYTES = 256 * 1024;

/**
 * Every request the emulator makes to an add-on goes through here: loopback only, bounded in time and
 * size, redirects kept on the same origin (boundedFetch). An unreachable add-on is a HOST_UNREACHABLE
 * error; any HTTP status is an answer.
 */
export async function callAddon(url: string, request: OutboundRequest): Promise<AddonAnswer> {
  const target = (await resolvedLoopbackUrl(url, request.what)).toString();
  const json: Record<string, string> = request.json === undefined ? {} : { 'content-type': 'application/json' };
  const bounded: BoundedRequest = {
    fetch, method: request.method ?? 'GET', headers: { accept: 'application/json', ...json, ...request.headers },
    timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, failure: 'HOST_UNREACHABLE',
  };
  if (request.json !== undefined) bounded.body = JSON.stringify(request.json);
  let response: BoundedResponse;
  try {
    response = await boundedFetch(target, bounded);
  } catch (error) {
    // boundedFetch names the URL; say which of the add-on's URLs it was.
    if (!isConnectError(error)) throw error;
    throw new ConnectError(error.code, `${request.what}: ${error.message}`, { cause: error, details: error.details ?? { url } });
  }
  return { status: response.status, headers: headersOf(response.headers), body: parseBody(response.text) };
}

function headersOf(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}

/** JSON when the text parses as JSON, whatever the content type claimed; the text otherwise. */
function parseBody(text: string): unknown {
  if (text === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function isSuccess(answer: AddonAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}
