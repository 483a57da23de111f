import { paginate, type PageOptions, type Paginated } from '../pagination';
import type { Requester } from '../requester';
import type { PrivateMessage, User, UserIdOrEmail, UserSummary } from '../types';

export interface UserListOptions extends PageOptions {
  includeGuests?: boolean;
  includeDeleted?: boolean;
}

/** `client.users`: the group's users (scope view_group) and private messages to them (send_message). */
export class Users {
  constructor(private readonly api: Requester) {}

  list(options: UserListOptions = {}): Paginated<UserSummary> {
    const filters = { 'include-guests': options.includeGuests, 'include-deleted': options.includeDeleted };
    return paginate((page) => this.api.request('GET /user', { query: { ...filters, ...page } }), options);
  }

  get(user: UserIdOrEmail): Promise<User> {
    return this.api.request('GET /user/{user}', { path: { user } });
  }

  /** A one-to-one message; a plain string is sent as text. */
  sendMessage(user: UserIdOrEmail, message: PrivateMessage | string): Promise<void> {
    const body = typeof message === 'string' ? { message, message_format: 'text' } : message;
    return this.api.request('POST /user/{user}/message', { path: { user }, body });
  }
}
