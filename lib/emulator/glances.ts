/** Where a pushed glance applies (docs/protocol.md#glance-pushes): one room, one user, or the whole group. */
export type GlanceScope = { room: number } | { user: number } | { group: true };

/** The latest content an installation pushed for one of its glances, in one scope. */
export interface GlanceState {
  oauthId: string;
  addonKey: string;
  key: string;
  scope: GlanceScope;
  content: Record<string, unknown>;
  /** ISO 8601. */
  updatedAt: string;
}

/**
 * Pushed glance content, the latest per installation, glance key and scope, so that a client (the
 * emulator's web UI) shows what an add-on last pushed without asking its `queryUrl`.
 */
export class Glances {
  private readonly states = new Map<string, GlanceState>();

  put(state: GlanceState): void {
    this.states.set(keyOf(state), state);
  }

  all(): GlanceState[] {
    return [...this.states.values()];
  }

  removeInstallation(oauthId: string): void {
    for (const [key, state] of this.states) if (state.oauthId === oauthId) this.states.delete(key);
  }

  removeRoom(roomId: number): void {
    for (const [key, state] of this.states) if ('room' in state.scope && state.scope.room === roomId) this.states.delete(key);
  }
}

function keyOf(state: GlanceState): string {
  return JSON.stringify([state.oauthId, state.key, state.scope]);
}
