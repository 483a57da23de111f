import type { WebhookEvent } from '../core/webhook/events';
import { EmulatorError } from './emulator-error';
import type { Host } from './host';
import { fireRoomEvent } from './message-bus';
import { uninstallAddon } from './uninstall';
import { touchRoom, type Room, type User } from './world';

export interface RoomChange {
  name?: string;
  topic?: string;
  privacy?: Room['privacy'];
  is_archived?: boolean;
  owner?: User;
}

/**
 * Creating, changing and deleting rooms, with the webhooks HipChat fired for each
 * (docs/protocol.md#event-payloads): `room_created`, `room_topic_change`, `room_archived` /
 * `room_unarchived`, `room_deleted`. Events go out in the background; who hears them is decided at once, so a
 * deleted room's listeners still hear `room_deleted`.
 */
export function createRoom(host: Host, fields: { name: string; topic?: string; privacy?: Room['privacy']; owner: User }, actor: User): Room {
  assertNameFree(host, fields.name);
  const id = host.nextRoomId();
  const room: Room = {
    id, name: fields.name, privacy: fields.privacy ?? 'public', topic: fields.topic ?? '', is_archived: false,
    owner: fields.owner.id, participants: [fields.owner.id], version: `R${id}V1`, created: new Date(host.clock()).toISOString(),
  };
  host.world.rooms.push(room);
  host.feed.publish({ type: 'rooms' });
  announceEvent(host, room, 'room_created', actor);
  return room;
}

export function changeRoom(host: Host, room: Room, change: RoomChange, actor: User): void {
  if (change.name !== undefined && change.name !== room.name) assertNameFree(host, change.name);
  const topicChanged = change.topic !== undefined && change.topic !== room.topic;
  const archivedChanged = change.is_archived !== undefined && change.is_archived !== room.is_archived;
  // A field the change leaves out keeps its value; Object.assign alone would copy an absent one as undefined.
  const { owner, ...fields } = change;
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  Object.assign(room, given, owner ? { owner: owner.id } : {});
  touchRoom(room);
  host.feed.publish({ type: 'rooms' });
  if (topicChanged) announceEvent(host, room, 'room_topic_change', actor, { topic: room.topic });
  if (archivedChanged) announceEvent(host, room, room.is_archived ? 'room_archived' : 'room_unarchived', actor);
}

/**
 * Deletes the room and what lived in it: its history, room webhooks, glances and room tokens. Add-ons
 * installed in the room are uninstalled, which tells them with the usual DELETE.
 */
export function deleteRoom(host: Host, room: Room, actor: User): void {
  announceEvent(host, room, 'room_deleted', actor);
  host.world.rooms.splice(host.world.rooms.indexOf(room), 1);
  host.histories.forgetRoom(room.id);
  host.roomWebhooks.removeRoom(room.id);
  host.glances.removeRoom(room.id);
  host.tokens.revokeRoom(room.id);
  host.feed.publish({ type: 'rooms' });
  for (const installed of [...host.installations.values()].filter((candidate) => candidate.roomId === room.id)) {
    host.pending.start(`uninstall ${installed.oauthId} with room ${room.id}`, () => uninstallAddon(host, installed.oauthId));
  }
}

function announceEvent(host: Host, room: Room, event: WebhookEvent, actor: User, item?: Record<string, unknown>): void {
  host.pending.start(`${event} in room ${room.id}`, () => fireRoomEvent(host, room, event, actor, item));
}

function assertNameFree(host: Host, name: string): void {
  if (host.world.rooms.some((room) => room.name.toLowerCase() === name.toLowerCase())) {
    throw new EmulatorError('RESOURCE_CONFLICT', `Another room is named ${name}`, { details: { field: 'name' } });
  }
}
