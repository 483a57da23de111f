import type { Router } from 'express';
import type { components } from '../../core/rest-api/openapi';
import { ConnectError } from '../../errors';
import type { Host } from '../host';
import { bodyOf, isBoolean, isObject, isString, oneOf, optional, required, text } from '../http/fields';
import { changeRoom, createRoom, deleteRoom, type RoomChange } from '../rooms';
import { findUserByKey, roomReference, userReference, type Room, type User } from '../world';
import { access, actingUser, callerIn, roomIn, type Caller } from './auth';
import { booleanParameter, page } from './collection';
import { roomDetails } from './representations';
import { hostRouter } from '../http/router';

const NAME = text(1, 50);
const TOPIC = text(0, 250);
const PRIVACY = oneOf(['public', 'private'] as const);
/** The OpenAPI document types these as strings, and HipChat refused a bare number: `"2"`, not `2`. */
const USER_KEY_RULE = 'a string: a user id, email or @mention name';

/**
 * Rooms (docs/protocol.md#api-calls): list, create, read, change, delete, topic, participants and members.
 */
export function roomRoutes(host: Host): Router {
  const router = hostRouter();
  const inRoom = (scope: string | readonly string[]) => access(host, { scope, room: true });
  // HipChat's view_room: "View room information and participants, but not history". A room
  // notification token holds it, so it may read its own room; view_group reaches every room.
  const viewRoom = inRoom(['view_room', 'view_group']);

  router.get('/room', access(host, { scope: 'view_group' }), (req, res) => {
    const includePrivate = booleanParameter(req, 'include-private', false);
    const includeArchived = booleanParameter(req, 'include-archived', false);
    const caller = callerIn(res);
    const rooms = host.world.rooms.filter((room) =>
      (includeArchived || !room.is_archived) && (room.privacy === 'public' || (includePrivate && mayEnter(caller, room))));
    res.json(page(host, req, rooms.map((room) => roomReference(room, host.urls.apiUrl))));
  });

  router.post('/room', access(host, { scope: 'manage_rooms' }), (req, res) => {
    const body = bodyOf(req);
    const caller = callerIn(res);
    const owner = optional(body.owner_user_id, 'owner_user_id', isString, USER_KEY_RULE);
    const room = createRoom(host, {
      name: required(body.name, 'name', NAME, 'a string of 1 to 50 characters'),
      topic: optional(body.topic, 'topic', TOPIC, 'a string of at most 250 characters'),
      privacy: optional(body.privacy, 'privacy', PRIVACY, 'public or private'),
      owner: owner === undefined ? defaultOwner(host, caller) : userNamed(host, owner, 'owner_user_id'),
    }, defaultOwner(host, caller));
    res.status(201).json({ id: room.id, links: { self: `${host.urls.apiUrl}/room/${room.id}` } } satisfies components['schemas']['RoomCreated']);
  });

  router.get('/room/:room', viewRoom, (_req, res) => {
    res.json(roomDetails(host, roomIn(res)));
  });

  router.put('/room/:room', inRoom('admin_room'), (req, res) => {
    const room = roomIn(res);
    changeRoom(host, room, roomChange(host, bodyOf(req)), actingUser(host, callerIn(res), room));
    res.status(204).end();
  });

  router.delete('/room/:room', inRoom('manage_rooms'), (_req, res) => {
    const room = roomIn(res);
    deleteRoom(host, room, actingUser(host, callerIn(res), room));
    res.status(204).end();
  });

  router.put('/room/:room/topic', inRoom('admin_room'), (req, res) => {
    const room = roomIn(res);
    const topic = required(bodyOf(req).topic, 'topic', TOPIC, 'a string of at most 250 characters');
    changeRoom(host, room, { topic }, actingUser(host, callerIn(res), room));
    res.status(204).end();
  });

  // Every seeded user is online, so include-offline changes nothing; it is checked like any parameter.
  router.get('/room/:room/participant', viewRoom, (req, res) => {
    booleanParameter(req, 'include-offline', false);
    res.json(page(host, req, usersIn(host, roomIn(res).participants)));
  });

  // A private room's members are the people invited to it; a public room is open to the whole group.
  router.get('/room/:room/member', viewRoom, (req, res) => {
    const room = roomIn(res);
    const ids = room.privacy === 'private' ? room.participants : host.world.users.map((user) => user.id);
    res.json(page(host, req, usersIn(host, ids)));
  });

  return router;
}

function roomChange(host: Host, body: Record<string, unknown>): RoomChange {
  const owner = optional(body.owner, 'owner', isObject, 'an object {id}');
  return {
    name: optional(body.name, 'name', NAME, 'a string of 1 to 50 characters'),
    topic: optional(body.topic, 'topic', TOPIC, 'a string of at most 250 characters'),
    privacy: optional(body.privacy, 'privacy', PRIVACY, 'public or private'),
    is_archived: optional(body.is_archived, 'is_archived', isBoolean, 'true or false'),
    owner: owner && userNamed(host, required(owner.id, 'owner.id', isString, USER_KEY_RULE), 'owner.id'),
  };
}

function userNamed(host: Host, key: number | string, field: string): User {
  const user = findUserByKey(host.world, key);
  if (!user) throw new ConnectError('PAYLOAD_INVALID', `${field} names no user of the group`, { details: { field } });
  return user;
}

/** A room's owner when none is named: the caller's user, else the group's first admin, as an admin would have installed the add-on. */
function defaultOwner(host: Host, caller: Caller): User {
  return caller.user ?? host.world.users.find((user) => user.is_group_admin) ?? (host.world.users[0] as User);
}

/** Private rooms are listed for their members, and for add-on tokens, which act for the whole group. */
function mayEnter(caller: Caller, room: Room): boolean {
  return !caller.user || room.participants.includes(caller.user.id);
}

function usersIn(host: Host, ids: readonly number[]) {
  return host.world.users.filter((user) => ids.includes(user.id)).map((user) => userReference(user, host.urls.apiUrl));
}
