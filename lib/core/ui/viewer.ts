import type { ClientFor, InstallationClient } from '../client';
import type { Installation } from '../installation';
import type { Claims } from '../jwt/claims';
import type { Verified } from '../jwt/verify';

/** Who is looking, and where: what every page, glance and authenticated route of the add-on is told. */
export interface Viewer {
  installation: Installation;
  claims: Claims;
  /** From the token's `context.room_id`, else the room of a room installation. */
  roomId: number | undefined;
  /** The HipChat user id (`sub`), when the host named one. */
  userId: string | undefined;
  /** A REST client acting as the installation (made when first used). */
  client: InstallationClient;
}

export function viewerOf({ installation, claims }: Verified, clientFor: ClientFor): Viewer {
  const viewer = { installation, claims, roomId: roomIdOf(claims) ?? installation.roomId, userId: claims.sub };
  return withLazy(viewer, 'client', () => clientFor(installation));
}

/** normaliseClaims checked that `room_id` is a positive whole number or its decimal string. */
function roomIdOf(claims: Claims): number | undefined {
  const roomId = claims.context?.room_id;
  return roomId === undefined ? undefined : Number(roomId);
}

/**
 * Gives `target` a member made on first read and kept: a handler that never uses it never pays for it,
 * which matters for what every webhook's context and page offers.
 */
function withLazy<T extends object, K extends string, V>(target: T, name: K, make: () => V): T & Record<K, V> {
  let value: V | undefined;
  let made = false;
  return Object.defineProperty(target, name, {
    enumerable: true,
    get: () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
  }) as T & Record<K, V>;
}
