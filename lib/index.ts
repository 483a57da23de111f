/**
 * The public API of hipchat-connect: what an add-on is built from. The local HipChat is
 * `hipchat-connect/emulator` and the helpers for an add-on's tests are `hipchat-connect/testing`, so an
 * add-on in production loads neither. Everything exported here is supported; anything reached by a deep
 * import is private and may change.
 */
export { createAddon, type Addon, type AddonStats } from './addon';
export type { ListenOptions } from './express/server';
export type { AddonOptions } from './core/options';
export { SCOPES } from './core/options';

export type { Installation } from './core/installation';
export type { Claims } from './core/jwt/claims';
export type { LifecycleEventName, LifecycleListener } from './core/install/lifecycle-events';
export type { TokenCarrier } from './core/jwt/extract';
export type { Verified } from './core/jwt/verify';
export type { Viewer } from './core/ui/viewer';
export type { WebhookHandler, WebhookOptions, WebhookReply, WebhookResult, ReceiveOptions } from './core/webhook/registry';
export type { WebhookContext, PatternMatch } from './core/webhook/context';
export type {
  WebhookPayloads, WebhookEnvelope, RoomReference, UserReference, FileReference, MessageBase, RoomAndSender,
  RoomMessagePayload, RoomMessageItem, RoomMessage, RoomNotificationPayload, RoomNotificationItem,
  RoomNotification, RoomEnterPayload, RoomExitPayload, RoomTopicChangePayload, RoomTopicChangeItem,
  RoomArchivedPayload, RoomUnarchivedPayload, RoomCreatedPayload, RoomDeletedPayload, RoomFileUploadPayload,
  RoomFileUploadItem,
} from './core/webhook/payloads';
export { WEBHOOK_EVENTS, type WebhookEvent } from './core/webhook/events';
export type { HipChatLocals } from './express/authenticate';
export type { PageLocals, PageHandler } from './express/page';
export type {
  GlanceOptions, WebPanelOptions, DialogDeclaration, DialogOptionsInput, DialogButtonOptions, ActionOptions, ExternalPageOptions,
  ConfigurableOptions, AdminPageOptions, ConditionInput,
} from './core/ui/declarations';
export type {
  GlanceContext, GlanceHandler, GlanceData, GlanceLabel, GlanceStatus, GlanceLozenge, GlanceIcon,
} from './core/glance';

export { buildDescriptor, descriptorFromTemplate, assertValidDescriptor, descriptorProblems } from './core/descriptor';
export type { SchemaProblem } from './core/schemas';
export type { Descriptor, DescriptorSource, Scope } from './core/descriptor';
export { HIPCHAT_CLOUD, LOOPBACK_HOSTS } from './core/install/host-allowlist';
export type { Fetch } from './core/host/bounded-fetch';

export type { Store, SetValueOptions, InstallationCondition, ChangeFeedListener } from './core/store';
export { MemoryStore, type MemoryStoreOptions } from './stores/memory';
export { FileStore, type FileStoreOptions } from './stores/file';
export { RedisStore, type RedisClient, type RedisStoreOptions } from './stores/redis';
export { EncryptedStore } from './stores/encrypted-store';
export { SecretKeyring } from './stores/secret-keys';

export {
  createInstallationClient, createTokenClient, HIPCHAT_CLOUD_API, type InstallationClient,
  type InstallationClientOptions, type TokenClientOptions, type HipChatClient, type ClientOptions,
  type RetryOptions, type TokenOptions, type Collection, type PageOptions, type Paginated,
  type NotificationRequest, type RoomListOptions, type HistoryOptions, type LatestHistoryOptions,
  type ParticipantOptions, type UserListOptions, type EmoticonListOptions, type GlanceTarget, type RoomIdOrName,
  type UserIdOrEmail, type NotificationColor, type MessageFormat, type Privacy, type RoomSummary, type CreatedRoom,
  type Room, type RoomCreateRequest, type RoomUpdateRequest, type UserSummary, type User, type Message,
  type SentMessage, type PrivateMessage, type RoomWebhookRequest, type RoomWebhook, type CreatedWebhook,
  type Emoticon, type GlanceContent, type GlanceUpdate,
} from './hipchat';
export { assertValidCard, cardProblems, cardFallbackText } from './core/card';
export type {
  Card, CardAttribute, CardAttributeValue, CardDescription, CardIcon, CardThumbnail, CardActivity,
} from './core/card';

export { ConnectError, ERROR_CODES, isConnectError, type ErrorCode } from './errors';
export { silentLogger, createConsoleLogger, type Logger, type ConsoleLoggerOptions } from './logger';
