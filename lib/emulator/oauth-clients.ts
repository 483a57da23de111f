import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * The OAuth client HipChat creates for each installation (protocol section 1): there is no add-on-wide
 * secret, so the client is both the installation's identity and what the token endpoint authenticates.
 */
export interface OAuthClient {
  oauthId: string;
  oauthSecret: string;
  groupId: number;
  roomId?: number;
  /** The scopes the installed descriptor declares; tokens are granted within these. */
  scopes: string[];
}

/** 30 random bytes are exactly 40 url-safe characters, the length HipChat's secrets had. */
export function randomSecret(): string {
  return randomBytes(30).toString('base64url');
}

export class OAuthClients {
  private readonly clients = new Map<string, OAuthClient>();

  create(grant: Omit<OAuthClient, 'oauthId' | 'oauthSecret'>): OAuthClient {
    const client: OAuthClient = { oauthId: randomUUID(), oauthSecret: randomSecret(), ...grant };
    this.clients.set(client.oauthId, client);
    return client;
  }

  get(oauthId: string): OAuthClient | undefined {
    return this.clients.get(oauthId);
  }

  /** The client when the pair matches, compared in constant time so the secret cannot be guessed byte by byte. */
  authenticate(oauthId: string, oauthSecret: string): OAuthClient | undefined {
    const client = this.clients.get(oauthId);
    if (!client) return undefined;
    const expected = Buffer.from(client.oauthSecret);
    const given = Buffer.from(oauthSecret);
    return expected.length === given.length && timingSafeEqual(expected, given) ? client : undefined;
  }

  remove(oauthId: string): void {
    this.clients.delete(oauthId);
  }
}
