import type { WebhookEvent } from '../core/webhook/events';
import { isConnectError } from '../errors';
import { stampMessage, type HistoryMessage, type NewMessage } from './history';
import type { Host } from './host';
import { listenersOf, type WebhookTarget } from './listeners';
import { parseNotification, type Notification } from './notification';
import { isPlainObject } from './plain-object';
import { deliver, type WebhookDelivery } from './webhook-sender';
import type { Room, User } from './world';

/** What saying something in a room led to. */
export interface Conversation {
  message: HistoryMessage;
  /** One per webhook that heard it, in listener order: installations first, then room webhooks. */
  deliveries: WebhookDelivery[];
  /** The notifications that webhook replies posted to the room, in the same order. */
  replies: HistoryMessage[];
}

/**
 * Puts a message or notification in the room's history, stamped with its id, date and mentions;
 * `sender` is the oauthId of the installation that sent it, when an add-on did.
 */
export function record(host: Host, room: Room, fields: NewMessage, sender?: string): HistoryMessage {
  const message = stampMessage(fields, host.clock(), host.world.users, host.urls.apiUrl);
  host.histories.appendToRoom(room.id, message, sender);
  host.feed.publish({ type: 'message', roomId: room.id, message, oauthId: sender });
  return message;
}

/**
 * Tells every listener of the room about a recorded message (`room_message`) or notification
 * (`room_notification`), then posts each 200 reply that is a notification to the room, from the add-on
 * that gave it. Replies, and messages no user sent, fire no webhooks themselves: a reply ends a conversation, and two add-ons that
 * answered each other's notifications would otherwise talk forever.
 */
export async function announce(host: Host, room: Room, message: HistoryMessage, actor: User): Promise<Conversation> {
  const event = message.type === 'message' ? 'room_message' : 'room_notification';
  // A room_message comes from a user (docs/protocol.md#webhook-envelope). A message an integration sent with
  // its own token has no user behind it, so like a reply it ends there, and no add-on is told of it.
  if (event === 'room_message' && !isPlainObject(message.from)) return { message, deliveries: [], replies: [] };
  const heard = await fire(host, room, event, actor, message.message, { message });
  const replies = heard.flatMap(({ target, delivery }) => {
    const reply = replyOf(host, target, delivery);
    return reply ? [record(host, room, notificationFields(reply, target.replyFrom), target.client?.oauthId)] : [];
  });
  return { message, deliveries: heard.map(({ delivery }) => delivery), replies };
}

/** A room event without text (`room_topic_change`, `room_created`, …) to everyone who hears the room. */
export async function fireRoomEvent(host: Host, room: Room, event: WebhookEvent, actor: User, item?: Record<string, unknown>): Promise<WebhookDelivery[]> {
  return (await fire(host, room, event, actor, '', item)).map(({ delivery }) => delivery);
}

async function fire(host: Host, room: Room, event: WebhookEvent, sender: User, text: string, item?: Record<string, unknown>) {
  return Promise.all(listenersOf(host, room, event, text).map(async (target) => ({ target, delivery: await deliver(host, { target, room, sender, text, item }) })));
}

/** The history fields of a notification sent by `fromName`; the body's own `from` label wins, as in HipChat. */
export function notificationFields(notification: Notification, fromName: string): NewMessage {
  const { from, ...rest } = notification;
  return { type: 'notification', from: from ?? fromName, ...rest };
}

function replyOf(host: Host, target: WebhookTarget, delivery: WebhookDelivery): Notification | undefined {
  if (delivery.status !== 200 || !isPlainObject(delivery.body)) return undefined;
  try {
    return parseNotification(delivery.body);
  } catch (error) {
    if (!isConnectError(error)) throw error;
    host.logger.warn({ url: target.url, problem: error.message }, 'emulator: a webhook reply is not a room notification; not posted');
    return undefined;
  }
}
