import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * The OAuth client HipChat creates for each installation
 * (docs/protocol.md#one-oauth-client-per-installation): there is no add-on-wide secret, so the client is both
 * the installation's identity and what the token endpoint authenticates.
 */
export interface OAuthClient {
  oauthId: string;
  oauthSecret: string;
  groupId: number;
  roomId?: number;
  /** The scopes the installed descriptor declares; tokens are granted within these. */
  scopes: string[];
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * 40 letters and digits (about 238 random bits), the shape HipChat's secrets and tokens had. Not
 * base64url: a token starting with '-' would read as an option to a command line (`notify --token -x…`).
 */
export function randomSecret(): string {
  return Array.from({ length: 40 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
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
