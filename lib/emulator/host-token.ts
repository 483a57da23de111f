import { epochSeconds } from './clock';
import type { Host } from './host';
import type { OAuthClient } from './oauth-clients';
import { signWebhookToken } from './webhook-token';
import type { Room, User } from './world';

/**
 * A token as the host signs it for one installation, user and room, with the installation's current
 * secret: on webhooks, on the URLs of pages and glance queries, and for `HipChat.auth.withToken`.
 */
export function hostToken(host: Host, client: OAuthClient, user: User, room: Room | undefined): string {
  return signWebhookToken({
    oauthId: client.oauthId, oauthSecret: client.oauthSecret, userId: user.id, roomId: room?.id,
    userTz: user.timezone, issuedAt: epochSeconds(host.clock),
  });
}
