import type { Query } from '../api-url';
import { notificationBody, type NotificationRequest } from '../notification';
import { paginate, type Collection, type PageOptions, type Paginated } from '../pagination';
import type { Requester } from '../requester';
import type {
  CreatedRoom, CreatedWebhook, Message, Room, RoomCreateRequest, RoomIdOrName, RoomSummary, RoomUpdateRequest, RoomWebhook, RoomWebhookRequest, SentMessage, UserSummary,
} from '../types';

export interface RoomListOptions extends PageOptions {
  includePrivate?: boolean;
  includeArchived?: boolean;
}

export interface HistoryOptions extends PageOptions {
  /** The newest message to return: an ISO date, or `recent` (the host's default). */
  date?: string;
  /** The time zone of `date` and of the answer's dates. Default UTC. */
  timezone?: string;
  /** Newest first (the host's default) or oldest first. */
  reverse?: boolean;
}

export interface LatestHistoryOptions {
  /** At most 1000. */
  maxResults?: number;
  /** Only messages after the one with this id. */
  notBefore?: string;
  timezone?: string;
}

export interface ParticipantOptions extends PageOptions {
  includeOffline?: boolean;
}

/** `client.rooms`: rooms, their messages and history, their people and webhooks. */
export class Rooms {
  readonly webhooks: RoomWebhooks;

  constructor(private readonly api: Requester) {
    this.webhooks = new RoomWebhooks(api);
  }

  /** The group's rooms (scope view_group). */
  list(options: RoomListOptions = {}): Paginated<RoomSummary> {
    const filters = { 'include-private': options.includePrivate, 'include-archived': options.includeArchived };
    return paginate((page) => this.api.request('GET /room', { query: { ...filters, ...page } }), options);
  }

  get(room: RoomIdOrName): Promise<Room> {
    return this.api.request('GET /room/{room}', { path: { room } });
  }

  /** Creates a room (scope manage_rooms); answers its id and link. */
  create(room: RoomCreateRequest): Promise<CreatedRoom> {
    return this.api.request('POST /room', { body: room });
  }

  update(room: RoomIdOrName, changes: RoomUpdateRequest): Promise<void> {
    return this.api.request('PUT /room/{room}', { path: { room }, body: changes });
  }

  delete(room: RoomIdOrName): Promise<void> {
    return this.api.request('DELETE /room/{room}', { path: { room } });
  }

  /**
   * Posts a notification as the add-on (scope send_notification). A plain string is sent as text; an
   * object may carry a card, validated here, with the text made from it when it has no message.
   */
  async notify(room: RoomIdOrName, notification: NotificationRequest | string): Promise<void> {
    const body = notificationBody(notification);
    return this.api.request('POST /room/{room}/notification', { path: { room }, body });
  }

  /** Posts a message as a user would (scope send_message); answers its id and timestamp. */
  sendMessage(room: RoomIdOrName, message: string): Promise<SentMessage> {
    return this.api.request('POST /room/{room}/message', { path: { room }, body: { message } });
  }

  reply(room: RoomIdOrName, parentMessageId: string, message: string): Promise<void> {
    return this.api.request('POST /room/{room}/reply', { path: { room }, body: { parentMessageId, message } });
  }

  shareLink(room: RoomIdOrName, link: string, message?: string): Promise<void> {
    return this.api.request('POST /room/{room}/share/link', { path: { room }, body: { link, message } });
  }

  /** Sets the topic (scope admin_room). */
  setTopic(room: RoomIdOrName, topic: string): Promise<void> {
    return this.api.request('PUT /room/{room}/topic', { path: { room }, body: { topic } });
  }

  /** The room's messages (scope view_messages), paging back in time from `date`; each page reads oldest first unless `reverse` is false. */
  history(room: RoomIdOrName, options: HistoryOptions = {}): Paginated<Message> {
    const filters = { date: options.date, timezone: options.timezone, reverse: options.reverse };
    return paginate((page) => this.api.request('GET /room/{room}/history', { path: { room }, query: { ...filters, ...page } }), options);
  }

  /** The most recent messages, in one answer (scope view_messages). */
  latestHistory(room: RoomIdOrName, options: LatestHistoryOptions = {}): Promise<Collection<Message>> {
    const query: Query = { 'max-results': options.maxResults, 'not-before': options.notBefore, timezone: options.timezone };
    return this.api.request('GET /room/{room}/history/latest', { path: { room }, query });
  }

  /** The users in the room now (scope view_room). */
  participants(room: RoomIdOrName, options: ParticipantOptions = {}): Paginated<UserSummary> {
    const filters = { 'include-offline': options.includeOffline };
    return paginate((page) => this.api.request('GET /room/{room}/participant', { path: { room }, query: { ...filters, ...page } }), options);
  }

  /** The members of a private room (scope view_room). */
  members(room: RoomIdOrName, options: PageOptions = {}): Paginated<UserSummary> {
    return paginate((page) => this.api.request('GET /room/{room}/member', { path: { room }, query: page }), options);
  }
}

/**
 * `client.rooms.webhooks`: webhooks registered on one room at run time (docs/protocol.md#room-webhooks; scope
 * admin_room), beside the ones the descriptor declares.
 */
export class RoomWebhooks {
  constructor(private readonly api: Requester) {}

  create(room: RoomIdOrName, webhook: RoomWebhookRequest): Promise<CreatedWebhook> {
    return this.api.request('POST /room/{room}/webhook', { path: { room }, body: webhook });
  }

  list(room: RoomIdOrName, options: PageOptions = {}): Paginated<RoomWebhook> {
    return paginate((page) => this.api.request('GET /room/{room}/webhook', { path: { room }, query: page }), options);
  }

  get(room: RoomIdOrName, id: string | number): Promise<RoomWebhook> {
    return this.api.request('GET /room/{room}/webhook/{id}', { path: { room, id } });
  }

  delete(room: RoomIdOrName, id: string | number): Promise<void> {
    return this.api.request('DELETE /room/{room}/webhook/{id}', { path: { room, id } });
  }
}
