// @ts-check
/**
 * What the web UI knows and who is looking: the world, the room and the user picked (kept in the
 * page's address, so a view can be linked to), the installations and the pushed glances. A change of
 * room or user is announced as the event `viewer`.
 */
import { getJson } from './api.js';
import { presentIn } from './modules.js';

/**
 * @typedef {{ id: number, name: string, mention_name: string, email: string, is_group_admin: boolean, is_guest: boolean, timezone: string }} User
 * @typedef {{ id: number, name: string, privacy: string, topic: string, owner: number, participants: number[] }} Room
 * @typedef {{ group: { id: number, name: string }, users: User[], rooms: Room[] }} World
 * @typedef {{ oauthId: string, key: string, scope: { room?: number, user?: number, group?: true }, content: Record<string, any>, updatedAt: string }} GlancePush
 * @typedef {import('./modules.js').Installation} Installation
 */

export class Session extends EventTarget {
  /** @type {World} */
  world = { group: { id: 0, name: '' }, users: [], rooms: [] };
  /** @type {Installation[]} */
  installations = [];
  /** @type {GlancePush[]} */
  pushes = [];
  roomId = 0;
  userId = 0;

  async load() {
    const [world, installations, pushes] = await Promise.all([getJson('/emulator/world'), getJson('/emulator/installations'), getJson('/emulator/glances')]);
    this.world = world;
    this.installations = installations.items;
    this.pushes = pushes.items;
    const query = new URLSearchParams(location.search);
    this.roomId = this.#known(this.world.rooms, query.get('room'));
    this.userId = this.#known(this.world.users, query.get('user'));
  }

  get room() {
    return this.world.rooms.find((room) => room.id === this.roomId) ?? /** @type {Room} */ (this.world.rooms[0]);
  }

  get user() {
    return this.world.users.find((user) => user.id === this.userId) ?? /** @type {User} */ (this.world.users[0]);
  }

  /** The installations present in the current room. */
  get installationsHere() {
    return presentIn(this.installations, this.roomId);
  }

  /**
   * Who is looking and where, for the host's signing routes.
   * @param {Installation} installation
   */
  viewing(installation) {
    return { oauthId: installation.oauthId, user: this.userId, room: installation.roomId ?? this.roomId };
  }

  /**
   * What conditions are evaluated against, with the message or glance content in question.
   * @param {{ message?: import('./conditions.js').ConditionMessage, glance?: { metadata?: Record<string, unknown> } }} [about]
   */
  conditionContext(about = {}) {
    return { user: this.user, room: this.room, ...about };
  }

  /** @param {{ roomId?: number, userId?: number }} change */
  view(change) {
    this.roomId = change.roomId ?? this.roomId;
    this.userId = change.userId ?? this.userId;
    const query = new URLSearchParams(location.search);
    query.set('room', String(this.roomId));
    query.set('user', String(this.userId));
    history.replaceState(null, '', `?${query}`);
    this.dispatchEvent(new Event('viewer'));
  }

  /**
   * @param {Array<{ id: number }>} items
   * @param {string | null} wanted
   */
  #known(items, wanted) {
    return items.find((item) => String(item.id) === wanted)?.id ?? items[0]?.id ?? 0;
  }
}
