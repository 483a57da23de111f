import type { components } from '../../core/rest-api/openapi';
import type { Emoticon } from '../emoticons';
import type { Host } from '../host';
import type { RoomWebhook } from '../room-webhooks';
import { findUser, roomReference, SEEDED_AT, userReference, type Room, type User } from '../world';

type Schemas = components['schemas'];

/**
 * The JSON the REST API answers for each resource, typed by the contract's schemas (Room, User, Webhook,
 * Emoticon); collections use the short references of world.ts.
 */
export function roomDetails(host: Host, room: Room): Schemas['Room'] {
  const { apiUrl } = host.urls;
  const history = host.histories.room(room.id);
  const last = history.at(-1);
  return {
    ...roomReference(room, apiUrl),
    xmpp_jid: `${host.world.group.id}_${room.id}@conf.emulator.local`,
    created: room.created,
    topic: room.topic,
    is_guest_accessible: false,
    guest_access_url: null,
    owner: userReference(userOf(host, room.owner), apiUrl),
    participants: room.participants.map((id) => userReference(userOf(host, id), apiUrl)),
    statistics: last ? { messages_sent: history.length, last_active: last.date } : { messages_sent: 0 },
  };
}

export function userDetails(host: Host, user: User): Schemas['User'] {
  return {
    ...userReference(user, host.urls.apiUrl),
    email: user.email,
    title: user.title,
    is_group_admin: user.is_group_admin,
    is_guest: user.is_guest,
    is_deleted: false,
    timezone: user.timezone,
    xmpp_jid: `${host.world.group.id}_${user.id}@chat.emulator.local`,
    created: SEEDED_AT,
    photo_url: `${host.urls.url}/avatars/${user.id}.png`,
    presence: { status: 'chat', show: 'chat', is_online: true },
  };
}

export function webhookDetails(host: Host, webhook: RoomWebhook): Schemas['Webhook'] {
  const { url, event, pattern, name, authentication } = webhook;
  const { id, links } = createdWebhook(host, webhook);
  return { id, url, event, pattern, name, authentication, links };
}

/** The answer to registering a webhook: its id, as a string, and its link. */
export function createdWebhook(host: Host, { id, roomId }: RoomWebhook): Schemas['WebhookCreated'] {
  return { id: String(id), links: { self: `${host.urls.apiUrl}/room/${roomId}/webhook/${id}` } };
}

export function emoticonDetails(host: Host, emoticon: Emoticon): Schemas['Emoticon'] {
  const { creator, ...fields } = emoticon;
  const creatorUser = creator === undefined ? undefined : findUser(host.world, creator);
  return {
    ...fields,
    url: `${host.urls.url}/emoticons/${emoticon.shortcut}.png`,
    creator: creatorUser && userReference(creatorUser, host.urls.apiUrl),
    links: { self: `${host.urls.apiUrl}/emoticon/${emoticon.id}` },
  };
}

/** Rooms and participants only name users the world has; a dangling id would be a bug of the emulator. */
function userOf(host: Host, id: number): User {
  const user = findUser(host.world, id);
  if (!user) throw new Error(`emulator: no user ${id}`);
  return user;
}
