import { invalidOption } from '../errors';
import { clientOver, type HipChatClient } from './client';
import { checkHttpUrl, resolveClientOptions, type ClientOptions } from './client-options';
import { Requester } from './requester';

/** HipChat Cloud's REST API, the default base of a token client. */
export const HIPCHAT_CLOUD_API = 'https://api.hipchat.com/v2';

export interface TokenClientOptions extends ClientOptions {
  /** A room notification token or a personal access token. */
  token: string;
  /** The REST API base, with or without a trailing slash. Default HipChat Cloud's. */
  apiUrl?: string;
}

/**
 * A client for a token someone made by hand (docs/protocol.md#notification-only-use): a room notification
 * token from the room's admin page, or a personal access token. No installation, no store: the token is what
 * it is, so a 401 is final.
 */
export function createTokenClient(options: TokenClientOptions): HipChatClient {
  if (typeof options?.token !== 'string' || options.token.trim() === '') throw invalidOption('token', 'a non-empty string');
  const apiUrl = checkHttpUrl(options.apiUrl ?? HIPCHAT_CLOUD_API, 'apiUrl');
  const { transport, now } = resolveClientOptions(options);
  const { token } = options;
  const authorizer = { token: async () => token, refused: async () => false };
  return clientOver(new Requester(apiUrl, authorizer, transport, now));
}
