/**
 * Request and response bodies of the REST API v2 calls (docs/protocol.md#api-calls), as the OpenAPI document
 * in test/fixtures/openapi/ describes them, in the host's own field names. Answers are typed with what the
 * host always sends as required and the rest optional; the host may send more.
 */
import type { WebhookEvent } from '../core/webhook-events';

/** A room's numeric id or its name (any name: it is percent-encoded into the path). */
export type RoomIdOrName = number | string;
/** A user's numeric id, email address or `@mention` name. */
export type UserIdOrEmail = number | string;

export type NotificationColor = 'yellow' | 'green' | 'red' | 'purple' | 'gray' | 'random';
export type MessageFormat = 'html' | 'text';
export type Privacy = 'public' | 'private';

export interface SelfLink {
  self: string;
}

export interface RoomSummary {
  id: number;
  name: string;
  links: SelfLink & { participants?: string; webhooks?: string };
}

export interface UserSummary {
  id: number;
  mention_name: string;
  name: string;
  links?: SelfLink;
}

export interface Room extends RoomSummary {
  xmpp_jid?: string;
  statistics?: { messages_sent?: number; last_active?: string };
  created?: string;
  is_archived?: boolean;
  privacy?: Privacy;
  is_guest_accessible?: boolean;
  topic?: string;
  participants?: UserSummary[];
  owner?: UserSummary;
  guest_access_url?: string | null;
}

export interface RoomCreateRequest {
  /** At most 50 characters. */
  name: string;
  /** At most 250 characters. */
  topic?: string;
  guest_access?: boolean;
  privacy?: Privacy;
  owner_user_id?: string;
}

export interface RoomUpdateRequest {
  name?: string;
  topic?: string;
  is_archived?: boolean;
  privacy?: Privacy;
  owner?: { id: string };
}

export interface User extends UserSummary {
  email?: string;
  title?: string;
  presence?: { status?: 'chat' | 'away' | 'xa' | 'dnd'; show?: string; idle?: number; client?: { type?: string; version?: string } };
  xmpp_jid?: string;
  is_group_admin?: boolean;
  is_guest?: boolean;
  is_deleted?: boolean;
  timezone?: string;
  last_active?: string;
  created?: string;
  photo_url?: string;
}

export interface Message {
  id: string;
  /** A user for messages; the integration's name for notifications. */
  from: UserSummary | { name: string } | string;
  message: string;
  date: string;
  type: 'message' | 'notification' | 'guest_access' | 'topic';
  color?: string;
  message_format?: MessageFormat;
  mentions?: UserSummary[];
  file?: Record<string, unknown> | null;
}

/**
 * The answer to a room message: 201 (the OpenAPI document's 200 is wrong:
 * docs/protocol.md#openapi-corrections).
 */
export interface SentMessage {
  id: string;
  timestamp: string;
}

export interface PrivateMessage {
  /** At most 10 000 characters. */
  message: string;
  notify?: boolean;
  message_format?: MessageFormat;
}

export interface RoomWebhookRequest {
  url: string;
  event: WebhookEvent;
  /** A regular expression on the message text; message events only. */
  pattern?: string;
  name?: string;
  authentication?: 'jwt' | 'none';
}

/**
 * A room webhook as the REST API answers it. Its `id` is a string there, as the OpenAPI document has
 * it; the same id arrives as a number in the `webhook_id` of the events it delivers.
 */
export interface RoomWebhook extends RoomWebhookRequest {
  id: string;
  links?: SelfLink;
}

/** The answer to creating a room webhook. */
export interface CreatedWebhook {
  id: string;
  links: SelfLink;
}

export interface Emoticon {
  id: number;
  shortcut: string;
  url: string;
  creator?: UserSummary | null;
  audio?: Array<Record<string, unknown>>;
  height?: number;
  width?: number;
}

/**
 * What a glance shows (docs/protocol.md#glance-content), pushed by the add-on or answered to a glance query.
 */
export interface GlanceContent {
  /** HTML limited to b, strong, em and i. */
  label: { type: 'html'; value: string };
  status?:
    | { type: 'lozenge'; value: { label: string; type: 'default' | 'success' | 'error' | 'current' | 'new' | 'complete' | 'moved' } }
    | { type: 'icon'; value: { url: string; 'url@2x': string } };
  metadata?: Record<string, unknown>;
}

export interface GlanceUpdate {
  /** The glance's module key. */
  key: string;
  content: GlanceContent;
}
