/**
 * GENERATED from schemas/events/ by test/support/generate-event-types.js. Do not edit; after changing
 * a schema, regenerate with:
 *   node test/support/generate-event-types.js --write
 */

/**
 * A user posted a message in the room (from a real capture, docs/protocol.md#webhook-envelope). Slash commands arrive as this event, to the webhook whose pattern matched the text.
 */
export type RoomMessagePayload = WebhookEnvelope & {
  event: 'room_message';
  item: RoomMessageItem;
};
export type WebhookEvent =
  | 'room_message'
  | 'room_notification'
  | 'room_enter'
  | 'room_exit'
  | 'room_topic_change'
  | 'room_archived'
  | 'room_unarchived'
  | 'room_created'
  | 'room_deleted'
  | 'room_file_upload';
export type RoomMessage = MessageBase & {
  from: UserReference;
  /**
   * "message" in every known capture.
   */
  type?: string;
};
/**
 * An integration posted a notification in the room (docs/protocol.md#event-payloads). Unlike room_message, the message is from an integration, not a user, so from is the integration's name.
 */
export type RoomNotificationPayload = WebhookEnvelope & {
  event: 'room_notification';
  item: RoomNotificationItem;
};
export type RoomNotification = MessageBase & {
  /**
   * The name the integration posted under.
   */
  from: string;
  message_format: 'html' | 'text';
  color: 'yellow' | 'green' | 'red' | 'purple' | 'gray' | 'random';
  /**
   * "notification".
   */
  type?: string;
};
/**
 * A user entered the room (docs/protocol.md#event-payloads): the room and the user who entered.
 */
export type RoomEnterPayload = WebhookEnvelope & {
  event: 'room_enter';
  item: RoomAndSender;
};
/**
 * A user left the room (docs/protocol.md#event-payloads): the room and the user who left.
 */
export type RoomExitPayload = WebhookEnvelope & {
  event: 'room_exit';
  item: RoomAndSender;
};
/**
 * A user changed the room's topic (docs/protocol.md#event-payloads): the room, the user, and the new topic.
 */
export type RoomTopicChangePayload = WebhookEnvelope & {
  event: 'room_topic_change';
  item: RoomTopicChangeItem;
};
export type RoomTopicChangeItem = RoomAndSender & {
  /**
   * The new topic.
   */
  topic: string;
};
/**
 * The room was archived. No surviving source documents this event's item; per the protocol's decision (docs/protocol.md#event-payloads) it carries the room and the user who archived it.
 */
export type RoomArchivedPayload = WebhookEnvelope & {
  event: 'room_archived';
  item: RoomAndSender;
};
/**
 * The room was unarchived. No surviving source documents this event's item; per the protocol's decision (docs/protocol.md#event-payloads) it carries the room and the user who unarchived it.
 */
export type RoomUnarchivedPayload = WebhookEnvelope & {
  event: 'room_unarchived';
  item: RoomAndSender;
};
/**
 * A room was created. No surviving source documents this event's item; per the protocol's decision (docs/protocol.md#event-payloads) it carries the room and the user who created it.
 */
export type RoomCreatedPayload = WebhookEnvelope & {
  event: 'room_created';
  item: RoomAndSender;
};
/**
 * The room was deleted. No surviving source documents this event's item; per the protocol's decision (docs/protocol.md#event-payloads) it carries the room and the user who deleted it; the room may no longer exist when the handler runs.
 */
export type RoomDeletedPayload = WebhookEnvelope & {
  event: 'room_deleted';
  item: RoomAndSender;
};
/**
 * A user uploaded a file to the room. No surviving source documents this event's item; per the protocol's decision (docs/protocol.md#event-payloads) it carries the room, the user who uploaded, and the file.
 */
export type RoomFileUploadPayload = WebhookEnvelope & {
  event: 'room_file_upload';
  item: RoomFileUploadItem;
};
export type RoomFileUploadItem = RoomAndSender & {
  file: FileReference;
};

/**
 * The payload of each webhook event, by event name.
 */
export interface WebhookPayloads {
  room_message: RoomMessagePayload;
  room_notification: RoomNotificationPayload;
  room_enter: RoomEnterPayload;
  room_exit: RoomExitPayload;
  room_topic_change: RoomTopicChangePayload;
  room_archived: RoomArchivedPayload;
  room_unarchived: RoomUnarchivedPayload;
  room_created: RoomCreatedPayload;
  room_deleted: RoomDeletedPayload;
  room_file_upload: RoomFileUploadPayload;
}
/**
 * What every event carries around its item. The oauth_client_id is informational only: the installation is the one the JWT's issuer names, never this unsigned field.
 */
export interface WebhookEnvelope {
  event: WebhookEvent;
  /**
   * The host's id of the webhook registration (0 from the emulator for an explicit URL).
   */
  webhook_id: number;
  oauth_client_id: string;
  item: {};
}
export interface RoomMessageItem {
  message: RoomMessage;
  room: RoomReference;
}
/**
 * What room_message and room_notification messages share. The text is what webhook patterns are matched against.
 */
export interface MessageBase {
  id: string;
  /**
   * ISO 8601 with an explicit offset, as HipChat wrote it (2015-01-20T22:45:06.662545+00:00).
   */
  date: string;
  /**
   * The text of the message.
   */
  message: string;
  mentions?: UserReference[];
  file?: FileReference;
  /**
   * Link previews the host attached; free-form.
   */
  message_links?: {
    [k: string]: unknown;
  }[];
}
/**
 * A HipChat user in the short form HipChat embedded in events: the sender, the author of a message, a mention.
 */
export interface UserReference {
  id: number;
  name: string;
  /**
   * The name after @, without it.
   */
  mention_name: string;
  version?: string;
  links?: Links;
}
/**
 * URLs into the host's REST API (self, and for rooms participants and webhooks).
 */
export interface Links {
  [k: string]: string;
}
/**
 * A file shared in the room: attached to a message, or the subject of room_file_upload.
 */
export interface FileReference {
  name: string;
  url: string;
  /**
   * In bytes.
   */
  size?: number;
  thumb_url?: string;
}
/**
 * The room the event happened in, in the short form HipChat embedded in events.
 */
export interface RoomReference {
  id: number;
  name: string;
  is_archived?: boolean;
  privacy?: 'public' | 'private';
  version?: string;
  links?: Links;
}
export interface RoomNotificationItem {
  message: RoomNotification;
  room: RoomReference;
}
/**
 * The item of events about the room itself: where, and who did it.
 */
export interface RoomAndSender {
  room: RoomReference;
  sender: UserReference;
}
