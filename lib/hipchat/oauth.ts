import { ConnectError } from '../errors';
import { boundedFetch, type Fetch } from '../core/bounded-fetch';

export interface ClientCredentials {
  oauthId: string;
  oauthSecret: string;
  tokenUrl: string;
}

export interface AccessToken {
  access_token: string;
  /** Seconds. */
  expires_in: number;
  group_id: number;
  group_name?: string;
  scope: string;
  token_type: string;
}

export interface TokenRequestOptions {
  fetch: Fetch;
  timeoutMs: number;
}

/** What the host said about the credentials, for the callers that must tell these cases apart. */
export type TokenOutcome = { kind: 'issued'; token: AccessToken } | { kind: 'rejected'; status: number };

const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

/**
 * Asks the host for a client-credentials token (protocol section 5): HTTP Basic with the installation's
 * own client, a form body (the protocol decision), the scopes space-separated. A 400/401 is an answer
 * (the client is unknown or was removed), not a failure; only an unreachable host throws.
 */
export async function requestToken(credentials: ClientCredentials, scopes: readonly string[], options: TokenRequestOptions): Promise<TokenOutcome> {
  const basic = Buffer.from(`${credentials.oauthId}:${credentials.oauthSecret}`).toString('base64');
  const response = await boundedFetch(credentials.tokenUrl, {
    fetch: options.fetch,
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: scopes.join(' ') }).toString(),
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_TOKEN_RESPONSE_BYTES,
    failure: 'HOST_UNREACHABLE',
  });
  if (response.status === 400 || response.status === 401 || response.status === 403) return { kind: 'rejected', status: response.status };
  if (response.status !== 200) {
    throw new ConnectError('HOST_UNREACHABLE', `Token endpoint answered ${response.status}`, { details: { status: response.status } });
  }
  return { kind: 'issued', token: parseToken(response.text) };
}

function parseToken(text: string): AccessToken {
  let body: Partial<AccessToken>;
  try {
    body = JSON.parse(text) as Partial<AccessToken>;
  } catch (cause) {
    throw new ConnectError('HOST_UNREACHABLE', 'Token endpoint did not answer JSON', { cause });
  }
  if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number' || typeof body.group_id !== 'number') {
    throw new ConnectError('HOST_UNREACHABLE', 'Token endpoint answered without access_token, expires_in and group_id');
  }
  return body as AccessToken;
}
