import { ConnectError } from '../errors';
import { requireRoom, requireUser, type Host } from './host';
import { announce, record, type Conversation } from './message-bus';
import { userReference } from './world';

export interface PostMessageRequest {
  /** A room id or name. */
  room: number | string;
  /** The sender: a user id, email or @mention; user 1 (Ada) by default. */
  user?: number | string;
  message: string;
}

/**
 * A person typing in a room, as the web client would send it: the message goes into the history, every
 * listener of the room hears it, and their replies are posted. Resolves once all of that is done.
 * Flood control does not apply: it limits the REST API, not people.
 */
export async function postMessage(host: Host, request: PostMessageRequest): Promise<Conversation> {
  const room = requireRoom(host, request.room);
  const user = requireUser(host, request.user ?? 1);
  if (typeof request.message !== 'string' || request.message.length < 1 || request.message.length > 10_000) {
    throw new ConnectError('PAYLOAD_INVALID', 'message must be a string of 1 to 10000 characters', { details: { field: 'message' } });
  }
  const message = record(host, room, { type: 'message', from: userReference(user, host.urls.apiUrl), message: request.message, message_format: 'text' });
  return announce(host, room, message, user);
}
