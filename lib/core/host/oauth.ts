import { ConnectError, type ErrorCode } from '../../errors';
import type { components } from '../rest-api/openapi';
import { boundedFetch, type Fetch, type HttpRequest } from './bounded-fetch';

export interface ClientCredentials {
  oauthId: string;
  oauthSecret: string;
  tokenUrl: string;
}

/** The host's token answer, generated from the REST API's contract (schemas/hipchat-rest-api-v2.overlay.yml). */
export type AccessToken = components['schemas']['AccessToken'];

export interface TokenRequestOptions {
  fetch: Fetch;
  timeoutMs: number;
}

/** What the host said about the credentials, for the callers that must tell these cases apart. */
export type TokenOutcome =
  | { kind: 'issued'; token: AccessToken }
  /** `error` is the OAuth error code when the host gave one (`invalid_client`, `invalid_scope`). */
  | { kind: 'rejected'; status: number; error?: string };

const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

/**
 * A client-credentials token request (docs/protocol.md#token-request): HTTP Basic with the installation's own
 * client, a form body (the protocol decision), the scopes space-separated. With no scopes the parameter
 * is left out, and the host grants what the descriptor declared (OAuth's default scope). The install
 * flow sends it bounded (below); the REST client through its retrying transport.
 */
export function tokenRequest(credentials: ClientCredentials, scopes: readonly string[]): HttpRequest {
  const basic = Buffer.from(`${credentials.oauthId}:${credentials.oauthSecret}`).toString('base64');
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scopes.length > 0) form.set('scope', scopes.join(' '));
  return {
    url: credentials.tokenUrl,
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  };
}

/**
 * Asks the host for a token during install and uninstall, bounded in time and size. A 400/401/403 is an
 * answer (the client is unknown or was removed), not a failure; only an unreachable host throws.
 */
export async function requestToken(credentials: ClientCredentials, scopes: readonly string[], options: TokenRequestOptions): Promise<TokenOutcome> {
  const request = tokenRequest(credentials, scopes);
  const response = await boundedFetch(request.url, {
    ...request,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_TOKEN_RESPONSE_BYTES,
    failure: 'HOST_UNREACHABLE',
  });
  return readTokenAnswer(response.status, response.text);
}

/**
 * Reads the token endpoint's answer. Anything that is neither a token nor a refusal throws `failure`:
 * HOST_UNREACHABLE in the lifecycle, HIPCHAT_API_ERROR in the REST client.
 */
export function readTokenAnswer(status: number, text: string, failure: ErrorCode = 'HOST_UNREACHABLE'): TokenOutcome {
  if (status === 400 || status === 401 || status === 403) return { kind: 'rejected', status, ...oauthError(text) };
  if (status !== 200) {
    throw new ConnectError(failure, `Token endpoint answered ${status}`, { details: { status } });
  }
  return { kind: 'issued', token: parseToken(text, failure) };
}

function parseToken(text: string, failure: ErrorCode): AccessToken {
  let body: Partial<AccessToken>;
  try {
    body = JSON.parse(text) as Partial<AccessToken>;
  } catch (cause) {
    throw new ConnectError(failure, 'Token endpoint did not answer JSON', { cause });
  }
  if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number' || typeof body.group_id !== 'number') {
    throw new ConnectError(failure, 'Token endpoint answered without access_token, expires_in and group_id');
  }
  return body as AccessToken;
}

function oauthError(text: string): { error?: string } {
  try {
    const error = (JSON.parse(text) as { error?: unknown } | null)?.error;
    return typeof error === 'string' ? { error } : {};
  } catch {
    return {};
  }
}
