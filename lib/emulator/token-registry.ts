import { randomSecret } from './oauth-clients';
import type { Clock } from './clock';

interface GrantBase {
  token: string;
  scopes: string[];
  groupId: number;
  /** Milliseconds since the epoch, on the registry's clock; absent for a token that lives until revoked. */
  expiresAt?: number;
}

/** A token of the client-credentials grant: it acts as the installation (docs/protocol.md#token-request). */
interface AddonGrant extends GrantBase {
  kind: 'addon';
  oauthId: string;
  /** Set for a room installation, whose token reaches that room only. */
  roomId?: number;
}

/**
 * A room notification token (docs/protocol.md#notification-only-use): one room, `send_notification` and
 * `view_room`.
 */
export interface RoomGrant extends GrantBase {
  kind: 'room';
  roomId: number;
  /** The integration's name, which its notifications come from. */
  label: string;
}

/** A personal access token: it acts as one user, with the scopes it was made with. */
export interface PersonalGrant extends GrantBase {
  kind: 'personal';
  userId: number;
}

/** What a token was issued for; the REST API checks a request against it. */
export type TokenGrant = AddonGrant | RoomGrant | PersonalGrant;

type NewGrant<T extends TokenGrant> = Omit<T, 'token' | 'expiresAt' | 'kind'>;

/** Eight hours, the lifetime of HipChat's add-on tokens (docs/protocol.md#token-lifetime-and-caching). */
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/**
 * Access tokens held in memory. Expired tokens are forgotten when they are next looked up rather than
 * by a timer, so the registry holds no handle that could keep a process alive.
 */
export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();

  constructor(
    private readonly clock: Clock,
    readonly ttlSeconds: number = DEFAULT_TOKEN_TTL_SECONDS,
  ) {}

  /** An add-on token, which expires after the registry's lifetime. */
  issue(grant: NewGrant<AddonGrant>): AddonGrant {
    return this.store({ ...grant, kind: 'addon', token: randomSecret(), expiresAt: this.clock() + this.ttlSeconds * 1000 });
  }

  /** Room notification and personal tokens were made by a person in HipChat's UI and lived until revoked. */
  issueRoomToken(grant: NewGrant<RoomGrant>): RoomGrant {
    return this.store({ ...grant, kind: 'room', token: randomSecret() });
  }

  issuePersonalToken(grant: NewGrant<PersonalGrant>): PersonalGrant {
    return this.store({ ...grant, kind: 'personal', token: randomSecret() });
  }

  private store<T extends TokenGrant>(grant: T): T {
    this.grants.set(grant.token, grant);
    return grant;
  }

  /** The grant behind a live token; undefined for a token that is unknown, revoked or expired. */
  lookup(token: string): TokenGrant | undefined {
    const grant = this.grants.get(token);
    if (grant?.expiresAt !== undefined && grant.expiresAt <= this.clock()) {
      this.grants.delete(token);
      return undefined;
    }
    return grant;
  }

  /**
   * Seconds the token still has, for `expires_in`, rounded up: a token answered a few milliseconds after
   * it was issued still reports its whole lifetime, and a live token never reports 0. Undefined for a
   * token without an expiry.
   */
  secondsLeft(grant: TokenGrant): number | undefined {
    if (grant.expiresAt === undefined) return undefined;
    return Math.max(0, Math.ceil((grant.expiresAt - this.clock()) / 1000));
  }

  revoke(token: string): boolean {
    return this.grants.delete(token);
  }

  /** Drops every token of a client, as removing an installation does. */
  revokeClient(oauthId: string): void {
    for (const [token, grant] of this.grants) {
      if (grant.kind === 'addon' && grant.oauthId === oauthId) this.grants.delete(token);
    }
  }

  /** Drops every token bound to a room, as deleting the room does. */
  revokeRoom(roomId: number): void {
    for (const [token, grant] of this.grants) {
      if (grant.kind === 'room' && grant.roomId === roomId) this.grants.delete(token);
    }
  }
}
