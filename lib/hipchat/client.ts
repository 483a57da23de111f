import type { Fetch } from '../core/host/bounded-fetch';
import { invalidOption, isConnectError } from '../errors';
import { createConsoleLogger, type Logger } from '../logger';
import { Requester, type RequestParams } from './requester';
import { Emoticons } from './resources/emoticons';
import { Glances } from './resources/glances';
import { Rooms } from './resources/rooms';
import { Users } from './resources/users';
import { resolveRetryPolicy, type RetryOptions } from './retry';
import { Transport } from './transport';

/** What both kinds of client take. */
export interface ClientOptions {
  /** Per attempt, the whole answer included. Default 10 000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Injected for tests and instrumentation; default: the global fetch and clock. */
  fetch?: Fetch;
  now?: () => number;
  logger?: Logger;
}

export interface ResolvedClientOptions {
  transport: Transport;
  now: () => number;
  logger: Logger;
}

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw invalidOption('timeoutMs', 'a positive whole number of milliseconds');
  const fetch = options.fetch ?? globalThis.fetch;
  if (typeof fetch !== 'function') throw invalidOption('fetch', 'a fetch function');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw invalidOption('now', 'a function returning milliseconds since the epoch');
  const logger = options.logger ?? createConsoleLogger();
  const transport = new Transport({ fetch, timeoutMs, retry: resolveRetryPolicy(options.retry), now, logger });
  return { transport, now, logger };
}

/** An absolute http(s) URL, as the API base and the token URL must be. */
export function checkHttpUrl(value: unknown, option: string): string {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value) || !URL.canParse(value)) throw invalidOption(option, 'an absolute http(s) URL');
  return value;
}

/** The REST API v2 calls (docs/protocol.md#api-calls), grouped by what they act on. */
export interface HipChatClient {
  readonly rooms: Rooms;
  readonly users: Users;
  readonly emoticons: Emoticons;
  readonly glances: Glances;
  /**
   * Any call, for what the resources do not cover: `request('GET /room/{room}/statistics', { path: { room } })`.
   * Placeholders are percent-encoded; the answer's JSON is returned (undefined for an empty answer).
   */
  request<T = unknown>(route: string, params?: RequestParams): Promise<T>;
  /**
   * Whether the token may make a call, asked without making it (`?auth_test=true`,
   * docs/protocol.md#api-authentication): true when the host answers 202, false when it answers 401 or 403.
   */
  authTest(route: string, params?: RequestParams): Promise<boolean>;
}

export function clientOver(api: Requester): HipChatClient {
  return {
    rooms: new Rooms(api),
    users: new Users(api),
    emoticons: new Emoticons(api),
    glances: new Glances(api),
    request: (route, params) => api.request(route, params),
    authTest: async (route, params = {}) => {
      try {
        await api.request(route, { ...params, query: { ...params.query, auth_test: true } });
        return true;
      } catch (error) {
        if (isConnectError(error, 'HIPCHAT_ACCESS_DENIED')) return false;
        throw error;
      }
    },
  };
}

/** HipChat Cloud's REST API, the default base of a token client. */
export const HIPCHAT_CLOUD_API = 'https://api.hipchat.com/v2';

export interface TokenClientOptions extends ClientOptions {
  /** A room notification token or a personal access token. */
  token: string;
  /** The REST API base, with or without a trailing slash. Default HipChat Cloud's. */
  apiUrl?: string;
}

/**
 * A client for a token someone made by hand (docs/protocol.md#notification-only-use): a room notification token from the
 * room's admin page, or a personal access token. No installation, no store: the token is what it is,
 * so a 401 is final.
 */
export function createTokenClient(options: TokenClientOptions): HipChatClient {
  if (typeof options?.token !== 'string' || options.token.trim() === '') throw invalidOption('token', 'a non-empty string');
  const apiUrl = checkHttpUrl(options.apiUrl ?? HIPCHAT_CLOUD_API, 'apiUrl');
  const { transport, now } = resolveClientOptions(options);
  const { token } = options;
  const authorizer = { token: async () => token, refused: async () => false };
  return clientOver(new Requester(apiUrl, authorizer, transport, now));
}
