import { MESSAGE_EVENTS, type WebhookEvent } from '../core/webhook/events';
import type { Host, InstalledAddon } from './host';
import type { OAuthClient } from './oauth-clients';
import { patternMatches } from './webhook-pattern';
import { findUser, type Room } from './world';

/** One webhook to call for an event, whether a descriptor declared it or the REST API registered it. */
export interface WebhookTarget {
  /** The envelope's `webhook_id`. */
  id: number;
  url: string;
  event: WebhookEvent;
  pattern?: string;
  authentication?: 'jwt' | 'none';
  /** The installation behind it, whose secret signs it; absent for a webhook a personal token registered. */
  client?: OAuthClient;
  /** Whom a reply is posted from: the add-on's `fromName` or name, or the registering user's name. */
  replyFrom: string;
  source: 'descriptor' | 'room';
}

/**
 * Everyone who hears an event in a room (docs/protocol.md#room-webhooks): the descriptor webhooks of
 * installations in that room or in the whole group, then the room's registered webhooks. For message events
 * only those whose pattern finds the text.
 */
export function listenersOf(host: Host, room: Room, event: WebhookEvent, text: string): WebhookTarget[] {
  const declared = [...host.installations.values()]
    .filter((installed) => installed.roomId === undefined || installed.roomId === room.id)
    .flatMap((installed) => declaredTargets(host, installed, event));
  const registered = host.roomWebhooks.listening(room.id, event).map((webhook): WebhookTarget => {
    const { owner, id, url, pattern, authentication } = webhook;
    const installed = owner.kind === 'addon' ? host.installations.get(owner.oauthId) : undefined;
    const user = owner.kind === 'personal' ? findUser(host.world, owner.userId) : undefined;
    return {
      id, url, event, pattern, authentication, source: 'room',
      client: installed && host.clients.get(installed.oauthId),
      replyFrom: installed ? addonName(installed) : user?.name ?? 'Integration',
    };
  });
  return [...declared, ...registered].filter((target) => !MESSAGE_EVENTS.includes(event) || matches(host, target.pattern, text));
}

/** An installation's descriptor webhooks for the event, before any pattern check. */
export function declaredTargets(host: Host, installed: InstalledAddon, event: WebhookEvent): WebhookTarget[] {
  const client = host.clients.get(installed.oauthId);
  return installed.webhooks
    .filter((webhook) => webhook.event === event)
    .map(({ id, url, pattern, authentication }) => ({ id, url, event, pattern, authentication, client, replyFrom: addonName(installed), source: 'descriptor' }));
}

/**
 * The name an add-on's notifications come from (`hipchatApiConsumer.fromName`,
 * docs/protocol.md#capabilities-members).
 */
export function addonName(installed: InstalledAddon): string {
  return installed.descriptor.capabilities?.hipchatApiConsumer?.fromName ?? installed.descriptor.name;
}

/** An invalid pattern is the add-on's mistake, not the sender's: it is logged and counts as no match. */
export function matches(host: Host, pattern: string | undefined, text: string): boolean {
  try {
    return patternMatches(pattern, text);
  } catch (error) {
    host.logger.warn({ pattern, error }, 'emulator: webhook pattern is not a valid regular expression; treated as no match');
    return false;
  }
}
