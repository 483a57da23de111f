import { isConnectError } from '../errors';
import type { Requester, RequestParams } from './requester';
import { Emoticons } from './resources/emoticons';
import { Glances } from './resources/glances';
import { Rooms } from './resources/rooms';
import { Users } from './resources/users';

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
