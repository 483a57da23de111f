import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '../core/webhook/events';
import { isPlainObject } from './plain-object';
import { roomReference, userReference, type Room, type User } from './world';

export interface EnvelopeInput {
  event: WebhookEvent;
  webhookId: number;
  /** Absent for a room webhook that a personal token registered: no OAuth client stands behind it. */
  oauthId: string | undefined;
  room: Room;
  sender: User;
  /** Everyone who can be @mentioned. */
  users: readonly User[];
  apiUrl: string;
  /** Milliseconds since the epoch. */
  now: number;
  /** The message text, for message events. */
  text: string;
  /** Fields that replace the generated ones; an object replaces field by field (`{message: {message: 'hi'}}`). */
  item?: Record<string, unknown>;
}

export interface WebhookEnvelope {
  event: WebhookEvent;
  webhook_id: number;
  oauth_client_id?: string;
  item: Record<string, unknown>;
}

/** The webhook body HipChat POSTed, shaped after the captures (docs/protocol.md#webhook-envelope). */
export function buildEnvelope(input: EnvelopeInput): WebhookEnvelope {
  return { event: input.event, webhook_id: input.webhookId, oauth_client_id: input.oauthId, item: overlay(baseItem(input), input.item) };
}

function baseItem(input: EnvelopeInput): Record<string, unknown> {
  const room = roomReference(input.room, input.apiUrl);
  const sender = userReference(input.sender, input.apiUrl);
  switch (input.event) {
    case 'room_message':
      return { message: { ...messageOf(input), from: sender, type: 'message' }, room };
    case 'room_notification':
      return { message: { ...messageOf(input), from: 'Emulator', color: 'yellow', message_format: 'html', type: 'notification' }, room };
    case 'room_topic_change':
      return { room, sender, topic: input.room.topic };
    case 'room_file_upload':
      return { room, sender, file: { name: 'notes.txt', size: 1024, url: `${input.apiUrl}/room/${input.room.id}/file/notes.txt` } };
    default:
      return { room, sender };
  }
}

function messageOf(input: EnvelopeInput) {
  return { date: hipchatDate(input.now), id: randomUUID(), mentions: mentionsIn(input.text, input.users, input.apiUrl), message: input.text };
}

/** `@Mention` names in the text that belong to users, as user references. */
export function mentionsIn(text: string, users: readonly User[], apiUrl: string): Array<ReturnType<typeof userReference>> {
  const names = new Set([...text.matchAll(/@(\w+)/g)].map((match) => match[1]));
  return users.filter((user) => names.has(user.mention_name)).map((user) => userReference(user, apiUrl));
}

/** HipChat wrote dates with an explicit offset (`…+00:00`), not `Z`. */
export function hipchatDate(now: number): string {
  return new Date(now).toISOString().replace('Z', '+00:00');
}

function overlay(base: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const merged = { ...base };
  for (const [field, value] of Object.entries(overrides)) {
    const current = base[field];
    merged[field] = isPlainObject(value) && isPlainObject(current) ? { ...current, ...value } : value;
  }
  return merged;
}

/** The text an override sets (`item.message.message`), if any. */
export function overriddenText(item: Record<string, unknown> | undefined): string | undefined {
  const message = item?.message;
  return isPlainObject(message) && typeof message.message === 'string' ? message.message : undefined;
}
