/**
 * One add-on installed into one group (global) or one room, with the OAuth client HipChat created for it
 * (docs/protocol.md#one-oauth-client-per-installation). This is what stores keep; every other record of an
 * installation hangs off its `oauthId`.
 */
export interface Installation {
  oauthId: string;
  oauthSecret: string;
  groupId: number;
  groupName?: string;
  /** Present for room installations only. */
  roomId?: number;
  capabilitiesUrl: string;
  /** From the host's capabilities document, checked to share the capabilities document's origin. */
  tokenUrl: string;
  /** The REST API base, normalised to end without a slash (`https://host/v2`). */
  apiUrl: string;
  /** ISO 8601 times. */
  installedAt: string;
  updatedAt?: string;
}

export function isRoomInstallation(installation: Installation): installation is Installation & { roomId: number } {
  return installation.roomId !== undefined;
}
