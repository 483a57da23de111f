import { ConnectError } from '../errors';

export interface RoomRef {
  id: number;
  name: string;
}

/** The room `--room` names, by name (any case) or id; the first room when it names none. */
export function pickRoom(rooms: readonly RoomRef[], wanted: string | undefined): RoomRef {
  const room = wanted === undefined
    ? rooms[0]
    : rooms.find((candidate) => String(candidate.id) === wanted || candidate.name.toLowerCase() === wanted.toLowerCase());
  if (room) return room;
  const names = rooms.map((candidate) => `"${candidate.name}" (${candidate.id})`).join(', ') || 'none';
  throw new ConnectError('OPTION_INVALID', `--room ${wanted ?? ''}: the host has no such room; it has ${names}`, { details: { option: '--room' } });
}

/** The emulator's web UI, showing the room as its first user. */
export function webUiUrl(hostUrl: string, room: RoomRef): string {
  return `${hostUrl}/?room=${room.id}&user=1`;
}
