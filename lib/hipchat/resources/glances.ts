import { ConnectError } from '../../errors';
import type { Requester } from '../requester';
import type { GlanceUpdate, RoomIdOrName, UserIdOrEmail } from '../types';

/** Whose glances change: one room's, one user's, or the whole group's. */
export type GlanceTarget = { room: RoomIdOrName } | { user: UserIdOrEmail } | 'group';

/**
 * `client.glances`: pushes new glance content without waiting for a glance query
 * (docs/protocol.md#glance-pushes).
 */
export class Glances {
  constructor(private readonly api: Requester) {}

  /**
   * Replaces what the glances show for the target (scope view_room for a room, view_group otherwise).
   * Pushing the same content again does no harm, so a push is retried like a read.
   */
  async push(target: GlanceTarget, glances: GlanceUpdate[]): Promise<void> {
    // The host refuses an empty list (a push carries at least one glance, docs/protocol.md#glance-pushes);
    // say so before sending.
    if (!Array.isArray(glances) || glances.length === 0) {
      throw new ConnectError('REQUEST_INVALID', 'A glance push needs at least one glance', { details: { field: 'glance' } });
    }
    const params = { body: { glance: glances }, idempotent: true };
    if (target === 'group') return this.api.request('POST /addon/ui', params);
    if ('room' in target) return this.api.request('POST /addon/ui/room/{room}', { ...params, path: { room: target.room } });
    return this.api.request('POST /addon/ui/user/{user}', { ...params, path: { user: target.user } });
  }
}
