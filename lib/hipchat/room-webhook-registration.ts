import { PATHS } from '../core/paths';
import { toHostPattern } from '../core/webhook/events';
import type { WebhookRegistry } from '../core/webhook/registry';
import { invalidOption } from '../errors';
import type { InstallationClient } from './installation-client';
import type { CreatedWebhook, RoomIdOrName } from './types';

/**
 * Registers a declared webhook for one room at run time (`POST /room/{id}/webhook`,
 * docs/protocol.md#room-webhooks), pointing at the same URL, and so the same handler, as the declaration: the
 * host then delivers it like a descriptor webhook, signed, since the framework always asks for `jwt`.
 */
export async function registerRoomWebhook(
  webhooks: WebhookRegistry, client: InstallationClient, baseUrl: string | undefined, room: RoomIdOrName, key: string,
): Promise<CreatedWebhook> {
  const declaration = webhooks.find(key);
  if (!declaration) throw invalidOption('roomWebhook key', `the key of a declared webhook, not "${key}"`);
  // Never a base URL taken from a request: a forged Host header would send the host's deliveries elsewhere.
  if (baseUrl === undefined) throw invalidOption('baseUrl', 'set (or HIPCHAT_CONNECT_BASE_URL) to register room webhooks: the URL the host is to call');
  return client.rooms.webhooks.create(room, {
    url: `${baseUrl}${PATHS.webhook(key)}`,
    event: declaration.event,
    authentication: 'jwt',
    ...(declaration.pattern ? { pattern: toHostPattern(declaration.pattern) } : {}),
    ...(declaration.name ? { name: declaration.name } : {}),
  });
}
