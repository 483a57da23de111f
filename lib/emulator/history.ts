import { randomUUID } from 'node:crypto';
import type { components } from '../core/rest-api/openapi';
import { hipchatDate, mentionsIn } from './webhook-envelope';
import type { User, UserReference } from './world';

export type MessageColor = 'yellow' | 'green' | 'red' | 'purple' | 'gray';

type Message = components['schemas']['Message'];

/**
 * One entry of a room's history, or of a private chat, in the shape `GET /v2/room/{id}/history`
 * answers (docs/protocol.md#api-calls): the contract's Message, with what the emulator always sets made
 * required and the members of notifications, replies and shared links it keeps besides. A user's
 * message comes `from` a user reference; a notification, and anything an add-on or an integration
 * sends, `from` a plain name, as webhook envelopes have it (docs/protocol.md#webhook-envelope).
 */
export interface HistoryMessage extends Message {
  type: 'message' | 'notification';
  message_format: NonNullable<Message['message_format']>;
  mentions: UserReference[];
  color?: MessageColor;
  notify?: boolean;
  card?: Record<string, unknown>;
  attach_to?: string;
  /** Set on a reply (`POST /room/{id}/reply`). */
  parentMessageId?: string;
  /** Set on a shared link (`POST /room/{id}/share/link`). */
  message_links?: Array<{ type: 'link'; url: string }>;
}

export type NewMessage = Omit<HistoryMessage, 'id' | 'date' | 'mentions'>;

/**
 * What was said, per room and per private chat, oldest first. Rooms and users are keyed by id; a
 * deleted room's history goes with it. The installation that sent a room message is kept beside it,
 * not in it (the REST API's history knows no such field): `data-target` links in a notification open
 * modules of the add-on that sent it, and of no other (docs/protocol.md#module-links-in-notifications).
 */
export class Histories {
  private readonly rooms = new Map<number, HistoryMessage[]>();
  private readonly chats = new Map<number, HistoryMessage[]>();
  private readonly senders = new Map<string, string>();

  room(roomId: number): readonly HistoryMessage[] {
    return this.rooms.get(roomId) ?? [];
  }

  privateChat(userId: number): readonly HistoryMessage[] {
    return this.chats.get(userId) ?? [];
  }

  appendToRoom(roomId: number, message: HistoryMessage, sender?: string): void {
    append(this.rooms, roomId, message);
    if (sender !== undefined) this.senders.set(message.id, sender);
  }

  /** The oauthId of the installation that sent a room message, if an add-on did. */
  senderOf(messageId: string): string | undefined {
    return this.senders.get(messageId);
  }

  appendToChat(userId: number, message: HistoryMessage): void {
    append(this.chats, userId, message);
  }

  forgetRoom(roomId: number): void {
    for (const message of this.room(roomId)) this.senders.delete(message.id);
    this.rooms.delete(roomId);
  }
}

function append(lists: Map<number, HistoryMessage[]>, key: number, message: HistoryMessage): void {
  const list = lists.get(key);
  if (list) list.push(message);
  else lists.set(key, [message]);
}

/** A message as the host stamps it: a fresh id, the date, and who it @mentions. */
export function stampMessage(fields: NewMessage, now: number, users: readonly User[], apiUrl: string): HistoryMessage {
  return { id: randomUUID(), date: hipchatDate(now), ...fields, mentions: mentionsIn(fields.message, users, apiUrl) };
}
