import { ConnectError } from '../errors';
import { requireRoom, requireUser, type Host } from './host';
import { availableScopes } from './scopes';
import type { PersonalGrant, RoomGrant } from './token-registry';

/**
 * The tokens a person made in HipChat's UI rather than through an installation
 * (docs/protocol.md#notification-only-use): a room notification token from a room's admin page, a personal
 * access token from the account page.
 */
export function createRoomToken(host: Host, room: number | string, label = 'Integration'): RoomGrant {
  if (typeof label !== 'string' || label.length < 1 || label.length > 50) {
    throw new ConnectError('PAYLOAD_INVALID', 'label must be a string of 1 to 50 characters', { details: { field: 'label' } });
  }
  const grant = host.tokens.issueRoomToken({ roomId: requireRoom(host, room).id, label, scopes: ['send_notification', 'view_room'], groupId: host.world.group.id });
  host.log.tokensIssued.push({ roomId: grant.roomId, label, scopes: grant.scopes, token: grant.token });
  return grant;
}

export function createPersonalToken(host: Host, user: number | string, scopes: readonly string[]): PersonalGrant {
  const found = requireUser(host, user);
  const known = Object.keys(availableScopes());
  if (!Array.isArray(scopes) || scopes.length === 0 || scopes.some((scope) => !known.includes(scope))) {
    throw new ConnectError('PAYLOAD_INVALID', `scopes must be a non-empty array of ${known.join(', ')}`, { details: { field: 'scopes' } });
  }
  const grant = host.tokens.issuePersonalToken({ userId: found.id, scopes: [...new Set(scopes)], groupId: host.world.group.id });
  host.log.tokensIssued.push({ userId: found.id, scopes: grant.scopes, token: grant.token });
  return grant;
}
