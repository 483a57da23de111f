import type { Emulator } from 'hipchat-connect/emulator';

/**
 * Posts a notification to a room of the emulator through its REST API, with a room notification token
 * (no add-on sends it), as an integration that is no add-on would. Resolves with the answer's status.
 */
export async function notifyRoom(emulator: Emulator, room: string, body: Record<string, unknown>, label = 'Integration'): Promise<number> {
  const { token } = emulator.createRoomToken(room, label);
  const answer = await fetch(`${emulator.apiUrl}/room/${encodeURIComponent(room)}/notification`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return answer.status;
}
