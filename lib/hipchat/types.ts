/**
 * Request and response bodies of the REST API v2 calls (docs/rest-client.md), by the names the client
 * uses. Each is the generated type of the REST API's contract (lib/core/rest-api/openapi.ts, from
 * schemas/hipchat-rest-api-v2.openapi.yml and its overlay), in the host's own field names: answers have
 * what the host always sends as required and the rest optional. To change one, change the overlay and
 * run `npm run generate`.
 */
import type { GlanceData } from '../core/glance';
import type { components, operations } from '../core/rest-api/openapi';

type Schemas = components['schemas'];

/** A room's numeric id or its name (any name: it is percent-encoded into the path). */
export type RoomIdOrName = number | string;
/** A user's numeric id, email address or `@mention` name. */
export type UserIdOrEmail = number | string;

export type NotificationColor = NonNullable<Schemas['NotificationRequest']['color']>;
export type MessageFormat = NonNullable<Schemas['NotificationRequest']['message_format']>;
export type Privacy = NonNullable<Schemas['RoomCreateRequest']['privacy']>;
export type SelfLink = Schemas['SelfLink'];

export type RoomSummary = Schemas['RoomReference'];
export type Room = Schemas['Room'];
/** The answer to creating a room: its id and link. */
export type CreatedRoom = Schemas['RoomCreated'];
export type RoomCreateRequest = Schemas['RoomCreateRequest'];
export type RoomUpdateRequest = Schemas['RoomUpdateRequest'];

export type UserSummary = Schemas['UserReference'];
export type User = Schemas['User'];

/** A room's message; `from` is a user for messages, the integration's name for notifications. */
export type Message = Schemas['Message'];
/** The answer to a room message (201). */
export type SentMessage = operations['sendRoomMessage']['responses'][201]['content']['application/json'];
export type PrivateMessage = operations['sendPrivateMessage']['requestBody']['content']['application/json'];

export type RoomWebhookRequest = Schemas['WebhookCreateRequest'];
/**
 * A room webhook as the REST API answers it. Its `id` is a string there, as the OpenAPI document has
 * it; the same id arrives as a number in the `webhook_id` of the events it delivers.
 */
export type RoomWebhook = Schemas['Webhook'];
/** The answer to creating a room webhook. */
export type CreatedWebhook = Schemas['WebhookCreated'];

export type Emoticon = Schemas['Emoticon'];

/**
 * What a glance shows (docs/glances.md), pushed by the add-on or answered to a glance query. The glance
 * schema (schemas/glance.schema.json) types it, more closely than the REST document's sketch of a push.
 */
export type GlanceContent = GlanceData;

/** One glance of a push: its module key and what it shows now. */
export type GlanceUpdate = Omit<Schemas['GlanceUpdate']['glance'][number], 'content'> & { content: GlanceContent };
