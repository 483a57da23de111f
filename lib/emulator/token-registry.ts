import { randomSecret } from './oauth-clients';
import type { Clock } from './clock';

/** What a token was issued for; the REST API checks a request against it. */
export interface TokenGrant {
  token: string;
  oauthId: string;
  scopes: string[];
  groupId: number;
  roomId?: number;
  /** Milliseconds since the epoch, on the registry's clock. */
  expiresAt: number;
}

/** Eight hours, the lifetime of HipChat's add-on tokens (protocol section 5). */
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/**
 * Access tokens issued by the token endpoint, held in memory. Expired tokens are forgotten when they are
 * next looked up rather than by a timer, so the registry holds no handle that could keep a process alive.
 */
export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();

  constructor(
    private readonly clock: Clock,
    readonly ttlSeconds: number = DEFAULT_TOKEN_TTL_SECONDS,
  ) {}

  issue(grant: Omit<TokenGrant, 'token' | 'expiresAt'>): TokenGrant {
    const issued: TokenGrant = { ...grant, token: randomSecret(), expiresAt: this.clock() + this.ttlSeconds * 1000 };
    this.grants.set(issued.token, issued);
    return issued;
  }

  /** The grant behind a live token; undefined for a token that is unknown, revoked or expired. */
  lookup(token: string): TokenGrant | undefined {
    const grant = this.grants.get(token);
    if (grant && grant.expiresAt <= this.clock()) {
      this.grants.delete(token);
      return undefined;
    }
    return grant;
  }

  /**
   * Seconds the token still has, for `expires_in`, rounded up: a token answered a few milliseconds after
   * it was issued still reports its whole lifetime, and a live token never reports 0.
   */
  secondsLeft(grant: TokenGrant): number {
    return Math.max(0, Math.ceil((grant.expiresAt - this.clock()) / 1000));
  }

  revoke(token: string): boolean {
    return this.grants.delete(token);
  }

  /** Drops every token of a client, as removing an installation does. */
  revokeClient(oauthId: string): void {
    for (const [token, grant] of this.grants) {
      if (grant.oauthId === oauthId) this.grants.delete(token);
    }
  }
}
