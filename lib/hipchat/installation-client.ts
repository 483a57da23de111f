import type { InstallationClient } from '../core/client';
import type { Scope } from '../core/descriptor';
import type { Installation } from '../core/installation';
import { SCOPES } from '../core/options';
import type { Store } from '../core/store';
import { invalidOption } from '../errors';
import { clientOver, type HipChatClient, checkHttpUrl, resolveClientOptions, type ClientOptions } from './client';
import { Requester, type Authorizer } from './requester';
import { TokenManager, type TokenOptions, tokenFetcher } from './token-manager';

export interface InstallationClientOptions extends ClientOptions {
  /** Where tokens are cached and locked; share one store between processes to share tokens. */
  store: Store;
  /** The scopes tokens are asked for. Default: none named, so the host grants what the descriptor declared. */
  scopes?: readonly Scope[];
  tokens?: TokenOptions;
}

declare module '../core/client' {
  /** A client acting as one installation, with tokens fetched, cached and renewed for it. */
  interface InstallationClient extends HipChatClient {
    readonly installation: Installation;
    readonly scopes: readonly Scope[];
    /** The same client asking for tokens of fewer scopes (least privilege), cached separately. */
    withScopes(scopes: readonly Scope[]): InstallationClient;
  }
}

export type { InstallationClient };

/**
 * The client for an installation (docs/protocol.md#access-tokens, docs/protocol.md#rest-api). Cheap to make:
 * every client over one store shares the token requests in flight, so making one per webhook costs no extra
 * token.
 */
export function createInstallationClient(installation: Installation, options: InstallationClientOptions): InstallationClient {
  checkInstallation(installation);
  const store = options.store;
  if (typeof store?.getValue !== 'function' || typeof store.setValue !== 'function' || typeof store.deleteValue !== 'function') {
    throw invalidOption('store', 'a Store');
  }
  const { transport, now, logger } = resolveClientOptions(options);
  const tokens = new TokenManager(store, tokenFetcher(transport, now), { ...tokenDefaults(options.tokens), logger });
  const bind = (scopes: readonly Scope[]): InstallationClient => {
    const authorizer: Authorizer = {
      token: () => tokens.token(installation, scopes),
      refused: async (token) => {
        await tokens.forget(installation, scopes, token);
        return true;
      },
    };
    return {
      ...clientOver(new Requester(installation.apiUrl, authorizer, transport, now)),
      installation,
      scopes,
      withScopes: (narrower) => bind(checkScopes(narrower, scopes)),
    };
  };
  return bind(options.scopes === undefined ? [] : checkScopes(options.scopes));
}

function checkInstallation(installation: Installation): void {
  if (typeof installation?.oauthId !== 'string' || typeof installation.oauthSecret !== 'string') {
    throw invalidOption('installation', 'an Installation with oauthId, oauthSecret, tokenUrl and apiUrl');
  }
  checkHttpUrl(installation.tokenUrl, 'installation.tokenUrl');
  checkHttpUrl(installation.apiUrl, 'installation.apiUrl');
}

/** Known scopes, at least one, and within `allowed` when the client already has a scope set. */
function checkScopes(scopes: readonly Scope[], allowed: readonly Scope[] = SCOPES): readonly Scope[] {
  const pool = allowed.length === 0 ? SCOPES : allowed;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((scope) => pool.includes(scope))) {
    throw invalidOption('scopes', `a non-empty list of ${pool.join(', ')}`);
  }
  return Object.freeze([...new Set(scopes)]);
}

function tokenDefaults(options: TokenOptions = {}): Required<TokenOptions> {
  const resolved = { marginMs: options.marginMs ?? 60_000, lockTtlMs: options.lockTtlMs ?? 30_000 };
  if (!Number.isInteger(resolved.marginMs) || resolved.marginMs < 0) throw invalidOption('tokens.marginMs', 'a whole number of milliseconds');
  if (!Number.isInteger(resolved.lockTtlMs) || resolved.lockTtlMs < 1) throw invalidOption('tokens.lockTtlMs', 'a positive whole number of milliseconds');
  return resolved;
}
