/**
 * The public API of hipchat-connect. Everything exported here is supported; anything reached by a deep
 * import is private and may change.
 */
export { createAddon, type Addon } from './addon';
export type { AddonOptions, Scope } from './options';
export { SCOPES } from './options';

export type { Installation } from './core/installation';
export type { Claims, ClaimsContext } from './core/claims';
export type { LifecycleEventMap, LifecycleEventName, LifecycleListener } from './core/lifecycle-events';
export type { WebhookContext, WebhookHandler, WebhookOptions, WebhookReply, IncomingWebhook } from './core/webhooks';
export { WEBHOOK_EVENTS, type WebhookEvent } from './core/webhook-events';
export type { TokenCarrier } from './core/jwt/extract';
export type { Verified } from './core/jwt/verify';
export type { HipChatLocals } from './express/authenticate';

export { buildDescriptor, descriptorFromTemplate, assertValidDescriptor, descriptorProblems } from './core/descriptor';
export type { Descriptor, DescriptorSource } from './core/descriptor';
export { HIPCHAT_CLOUD, LOOPBACK_HOSTS } from './core/install/host-allowlist';

export type { Store, SetValueOptions } from './stores/store';
export { MemoryStore, type MemoryStoreOptions } from './stores/memory';
export { FileStore, type FileStoreOptions } from './stores/file';
export { RedisStore, type RedisStoreOptions } from './stores/redis';

export {
  createInstallationClient, createTokenClient, HIPCHAT_CLOUD_API,
  type InstallationClient, type InstallationClientOptions, type TokenClientOptions, type HipChatClient, type ClientOptions,
  type RetryOptions, type TokenOptions, type RequestParams, type PathValue, type Query, type HipChatError,
  type Collection, type PageOptions, type Paginated, type RoomNotification,
  type Rooms, type RoomListOptions, type HistoryOptions, type LatestHistoryOptions, type ParticipantOptions,
  type RoomWebhooks, type Users, type UserListOptions, type Emoticons, type EmoticonListOptions, type Glances, type GlanceTarget,
  type RoomIdOrName, type UserIdOrEmail, type NotificationColor, type MessageFormat, type Privacy, type SelfLink,
  type RoomReference, type Room, type RoomCreateRequest, type RoomUpdateRequest, type UserReference, type User, type Message,
  type SentMessage, type PrivateMessage, type RoomWebhookRequest, type RoomWebhook, type CreatedWebhook, type Emoticon,
  type GlanceContent, type GlanceUpdate,
} from './hipchat';
export { assertValidCard, cardProblems, cardFallbackText } from './core/card';
export type { Card, CardAttribute, CardAttributeValue, CardDescription, CardIcon, CardThumbnail, CardActivity } from './core/card';

export { ConnectError, ERROR_CODES, isConnectError, type ErrorCode } from './errors';
export { silentLogger, createConsoleLogger, type Logger } from './logger';

export { startEmulator, type Emulator, type EmulatorOptions } from './emulator';
