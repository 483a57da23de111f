import { type AccessToken, readTokenAnswer, tokenRequest } from '../core/host/oauth';
import type { Installation } from '../core/installation';
import type { Store } from '../core/store';
import { ConnectError } from '../errors';
import type { Logger } from '../logger';
import { answerError } from './api-errors';
import { produceOnce } from './store-lock';
import type { Transport } from './transport';

export interface TokenOptions {
  /** How long before it expires a cached token stops being handed out. Default 60 000. */
  marginMs?: number;
  /**
   * How long the lock that makes one process fetch a token lives if that process dies holding it, and
   * so how long the others wait at most. A token request that takes longer only lets a second process
   * fetch a token too. Default 30 000.
   */
  lockTtlMs?: number;
}

export type FetchToken = (installation: Installation, scopes: readonly string[]) => Promise<AccessToken>;

/**
 * Store keys and in-flight requests are per scope set: a token for `view_room` alone is not a token for
 * `view_room send_notification`. No scopes means "what the descriptor declared" (see core/host/oauth.ts).
 */
function keysFor(scopes: readonly string[]): { token: string; lock: string } {
  const set = scopes.length === 0 ? '*' : [...new Set(scopes)].sort().join('+');
  return { token: `token:${set}`, lock: `token-lock:${set}` };
}

/**
 * Requests in flight, per store: every client over one store shares them, however many clients a
 * process makes (one per webhook is fine), so concurrent callers wait for one request.
 */
const inFlightByStore = new WeakMap<Store, Map<string, Promise<string>>>();

/**
 * Client-credentials tokens (docs/protocol.md#access-tokens), fetched once per installation and scope set and
 * cached in the store until `marginMs` before they expire. The store keys live under the installation's
 * oauthId, so an uninstall purges them with everything else.
 *
 * Three layers keep it to one token request: callers in one process share the request in flight; the
 * store holds the token for every process; and a lock in the store lets one process fetch while the
 * others wait for its token (store-lock.ts).
 */
export class TokenManager {
  constructor(
    private readonly store: Store,
    private readonly fetchToken: FetchToken,
    private readonly options: Required<TokenOptions> & { logger: Logger },
  ) {}

  /** A live token for the installation and scopes, from the cache or fetched. */
  token(installation: Installation, scopes: readonly string[]): Promise<string> {
    let inFlight = inFlightByStore.get(this.store);
    if (!inFlight) inFlightByStore.set(this.store, (inFlight = new Map()));
    const id = `${installation.oauthId}\n${keysFor(scopes).token}`;
    let request = inFlight.get(id);
    if (!request) {
      const flights = inFlight;
      request = this.cachedOrFetched(installation, scopes).finally(() => flights.delete(id));
      inFlight.set(id, request);
    }
    return request;
  }

  /** Drops a token the API refused, unless another caller has already replaced it. */
  async forget(installation: Installation, scopes: readonly string[], token: string): Promise<void> {
    await this.store.deleteValue(installation.oauthId, keysFor(scopes).token, token);
  }

  private async cachedOrFetched(installation: Installation, scopes: readonly string[]): Promise<string> {
    const { oauthId } = installation;
    const keys = keysFor(scopes);
    const published = () => this.store.getValue(oauthId, keys.token);
    return (await published()) ?? produceOnce(this.store, oauthId, keys.lock, {
      published,
      produce: async () => {
        const token = await this.fetchToken(installation, scopes);
        await this.cache(oauthId, keys.token, token);
        return token.access_token;
      },
    }, { ttlMs: this.options.lockTtlMs, logger: this.options.logger });
  }

  /**
   * Stores the token for its lifetime less the margin, or half its lifetime when it lives shorter than
   * twice the margin. A store that fails now costs the other processes a token of their own, but this
   * caller still has a good one, so that is logged rather than thrown.
   */
  private async cache(oauthId: string, key: string, token: AccessToken): Promise<void> {
    const lifetimeMs = token.expires_in * 1000;
    const ttlMs = lifetimeMs - Math.min(this.options.marginMs, lifetimeMs / 2);
    if (ttlMs < 1) return;
    await this.store.setValue(oauthId, key, token.access_token, { ttlMs }).catch((error: unknown) => {
      this.options.logger.warn({ err: error, oauthId }, 'could not cache an access token');
    });
  }
}

/**
 * Token requests through the REST client's transport, so they get its time-out, retries and rate-limit
 * waits (asking again for a token does no harm, so the request counts as idempotent). The host's
 * refusals become coded errors: 401 (or `invalid_client`) means the installation's OAuth client no
 * longer exists, i.e. the add-on was uninstalled; any other refusal names the OAuth error.
 */
export function tokenFetcher(transport: Transport, now: () => number): FetchToken {
  return async (installation: Installation, scopes: readonly string[]): Promise<AccessToken> => {
    const request = tokenRequest(installation, scopes);
    const { answer, attempts } = await transport.send(request, true);
    if (answer.status === 429 || answer.status >= 500) throw answerError(answer, { method: request.method, url: request.url, attempts }, now());
    const outcome = readTokenAnswer(answer.status, answer.text, 'HIPCHAT_API_ERROR');
    if (outcome.kind === 'issued') return outcome.token;
    const details = { oauthId: installation.oauthId, status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}) };
    if (outcome.status === 401 || outcome.error === 'invalid_client') {
      throw new ConnectError('INSTALLATION_GONE', 'The host no longer knows this installation: the add-on was uninstalled', { details });
    }
    throw new ConnectError('HIPCHAT_TOKEN_REFUSED', `The host refused a token for ${scopes.join(' ') || 'the declared scopes'} (${outcome.error ?? outcome.status})`, { details });
  };
}
