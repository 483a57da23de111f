import type { Claims } from '../claims';
import type { Installation } from '../installation';
import type { Verified } from '../jwt/verify';

/** Who is looking, and where: what every page, glance and authenticated route of the add-on is told. */
export interface Viewer {
  installation: Installation;
  claims: Claims;
  /** From the token's `context.room_id`, else the room of a room installation. */
  roomId: number | undefined;
  /** The HipChat user id (`sub`), when the host named one. */
  userId: string | undefined;
}

export function viewerOf({ installation, claims }: Verified): Viewer {
  return { installation, claims, roomId: roomIdOf(claims) ?? installation.roomId, userId: claims.sub };
}

function roomIdOf(claims: Claims): number | undefined {
  const roomId = Number(claims.context?.room_id);
  return Number.isInteger(roomId) && roomId > 0 ? roomId : undefined;
}
