/**
 * The HipChat REST client (docs/protocol.md#access-tokens, docs/protocol.md#rest-api,
 * docs/protocol.md#notification-only-use): the two ways to get one, and what it speaks.
 */
export { createInstallationClient, type InstallationClient, type InstallationClientOptions } from './installation-client';
export { createTokenClient, HIPCHAT_CLOUD_API, type TokenClientOptions, type HipChatClient, type ClientOptions } from './client';
export type { RetryOptions } from './retry';
export type { TokenOptions } from './token-manager';
export type { RequestParams } from './requester';
export type { PathValue, Query } from './api-url';
export type { HipChatError } from './api-errors';
export type { Collection, PageOptions, Paginated } from './pagination';
export type { NotificationRequest } from './notification';
export type { Rooms, RoomWebhooks, RoomListOptions, HistoryOptions, LatestHistoryOptions, ParticipantOptions } from './resources/rooms';
export type { Users, UserListOptions } from './resources/users';
export type { Emoticons, EmoticonListOptions } from './resources/emoticons';
export type { Glances, GlanceTarget } from './resources/glances';
export type * from './types';
