/**
 * The people and places of the emulated HipChat: one group, its users and its rooms, held in memory.
 * The seed is fixed so that tests and docs can name "room 1" or "@Ada" and mean the same thing every run.
 * Users and rooms hold the members of the REST API's representations that the emulator keeps, typed by
 * the contract (lib/core/rest-api/openapi.ts); a room holds its owner and participants by user id.
 */
import type { components } from '../core/rest-api/openapi';

type Schemas = components['schemas'];

export interface Group {
  id: number;
  name: string;
}

/** `version` is HipChat's opaque change marker, echoed in every reference to the user. */
export type User = Required<Pick<Schemas['User'], 'id' | 'name' | 'mention_name' | 'email' | 'title' | 'is_group_admin' | 'is_guest' | 'timezone' | 'version'>>;

/** `created` is ISO 8601. */
export type Room = Required<Pick<Schemas['Room'], 'id' | 'name' | 'privacy' | 'topic' | 'is_archived' | 'version' | 'created'>> & {
  owner: number;
  /** User ids. */
  participants: number[];
};

export interface World {
  group: Group;
  users: User[];
  rooms: Room[];
}

/** When the seeded group came to be; fixed, like the rest of the seed. */
export const SEEDED_AT = '2015-01-20T09:00:00.000Z';

export function seedWorld(): World {
  return {
    group: { id: 1, name: 'Emulated Team' },
    users: [
      user(1, 'Ada Lovelace', 'Ada', 'Analyst', true, 'Europe/London'),
      user(2, 'Grace Hopper', 'Grace', 'Rear Admiral', false, 'America/New_York'),
      user(3, 'Alan Turing', 'Alan', 'Codebreaker', false, 'Europe/London'),
    ],
    rooms: [
      { id: 1, name: 'Lobby', privacy: 'public', topic: 'Say hello', is_archived: false, owner: 1, participants: [1, 2, 3], version: 'R1V1', created: SEEDED_AT },
      { id: 2, name: 'Engineering', privacy: 'private', topic: 'Ship it', is_archived: false, owner: 2, participants: [1, 2], version: 'R2V1', created: SEEDED_AT },
    ],
  };
}

function user(id: number, name: string, mention: string, title: string, admin: boolean, timezone: string): User {
  const email = `${mention.toLowerCase()}@example.com`;
  return { id, name, mention_name: mention, email, title, is_group_admin: admin, is_guest: false, timezone, version: `U${id}V1` };
}

export function findRoom(world: World, idOrName: number | string): Room | undefined {
  const id = Number(idOrName);
  return world.rooms.find((room) => (Number.isInteger(id) ? room.id === id : room.name === idOrName));
}

export function findUser(world: World, id: number): User | undefined {
  return world.users.find((candidate) => candidate.id === id);
}

/** A user named as HipChat's `id_or_email` parameters name one: by id, by email, or by `@mention`. */
export function findUserByKey(world: World, key: number | string): User | undefined {
  const text = String(key);
  if (/^\d+$/.test(text)) return findUser(world, Number(text));
  if (text.startsWith('@')) return world.users.find((user) => user.mention_name === text.slice(1));
  return world.users.find((user) => user.email.toLowerCase() === text.toLowerCase());
}

/** A room's `version` changes whenever the room does, as HipChat's did. */
export function touchRoom(room: Room): void {
  const [, base, count] = /^(.*V)(\d+)$/.exec(room.version) ?? [undefined, `R${room.id}V`, '0'];
  room.version = `${base}${Number(count) + 1}`;
}

type RoomReference = Schemas['RoomReference'];
export type UserReference = Schemas['UserReference'];

/** The short forms HipChat embedded in events and collections, with links into the REST API. */
export function roomReference(room: Room, apiUrl: string): RoomReference {
  const self = `${apiUrl}/room/${room.id}`;
  return {
    id: room.id,
    is_archived: room.is_archived,
    links: { participants: `${self}/participant`, self, webhooks: `${self}/webhook` },
    name: room.name,
    privacy: room.privacy,
    version: room.version,
  };
}

export function userReference(user: User, apiUrl: string): UserReference {
  return {
    id: user.id,
    links: { self: `${apiUrl}/user/${user.id}` },
    mention_name: user.mention_name,
    name: user.name,
    version: user.version,
  };
}
