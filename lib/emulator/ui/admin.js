// @ts-check
/**
 * The add-ons page of HipChat's admin UI: the installations, each add-on's configuration page
 * (`configurable`) in a frame, uninstalling, and installing from a descriptor URL into a room or the
 * whole group (docs/protocol.md#install-callback).
 */
import { deleteJson, postJson } from './api.js';
import { h, notice } from './dom.js';

/** @typedef {import('./modules.js').Installation} Installation */

export class AdminView {
  /** @type {import('./frames.js').Frame | undefined} */
  #frame;

  /**
   * @param {import('./session.js').Session} session
   * @param {import('./frames.js').Frames} frames
   * @param {{ installations: HTMLTableSectionElement, form: HTMLFormElement, target: HTMLSelectElement, configure: HTMLElement }} parts
   */
  constructor(session, frames, parts) {
    this.session = session;
    this.frames = frames;
    this.parts = parts;
    parts.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#install(new FormData(parts.form));
    });
  }

  render() {
    const { installations, target } = this.parts;
    const rooms = this.session.world.rooms;
    target.replaceChildren(h('option', { value: '' }, 'The whole group'), ...rooms.map((room) => h('option', { value: room.id }, `Room ${room.name}`)));
    const placeOf = (/** @type {Installation} */ installation) => rooms.find((room) => room.id === installation.roomId)?.name;
    installations.replaceChildren(...(this.session.installations.length === 0
      ? [h('tr', {}, h('td', { colspan: 4 }, 'No add-on is installed yet.'))]
      : this.session.installations.map((installation) => h('tr', { 'data-oauth-id': installation.oauthId },
        h('td', {}, h('strong', {}, installation.descriptor.name), h('br'), h('code', {}, installation.descriptor.key)),
        h('td', {}, installation.roomId === undefined ? 'The whole group' : `Room ${placeOf(installation) ?? installation.roomId}`),
        h('td', {}, h('time', { datetime: installation.installedAt }, installation.installedAt.replace('T', ' ').slice(0, 16))),
        h('td', { class: 'buttons' },
          installation.descriptor.capabilities?.configurable && h('button', {
            type: 'button', 'aria-label': `Configure ${installation.descriptor.name}`, onclick: () => this.#configure(installation).catch(notice),
          }, 'Configure'),
          h('button', { type: 'button', class: 'danger', 'aria-label': `Uninstall ${installation.descriptor.name}`, onclick: () => this.#uninstall(installation) }, 'Uninstall'))))));
  }

  /** @param {Installation} installation */
  async #configure(installation) {
    this.closeConfiguration();
    const { url } = await postJson('/emulator/ui/configuration-pages', { oauthId: installation.oauthId, user: this.session.userId, room: installation.roomId });
    const name = installation.descriptor.name;
    const iframe = h('iframe', { class: 'configure-frame', title: `Configure ${name}` });
    this.parts.configure.replaceChildren(h('header', {}, h('h2', {}, `Configure ${name}`),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close the configuration page', onclick: () => this.closeConfiguration() }, '×')), iframe);
    this.#frame = this.frames.load(iframe, url, { installation, kind: 'configure', userId: this.session.userId, roomId: installation.roomId });
    this.parts.configure.hidden = false;
  }

  closeConfiguration() {
    this.frames.unload(this.#frame);
    this.#frame = undefined;
    this.parts.configure.replaceChildren();
    this.parts.configure.hidden = true;
  }

  /** @param {FormData} form */
  async #install(form) {
    const room = String(form.get('room') ?? '');
    try {
      const installed = await postJson('/emulator/installations', { url: String(form.get('url') ?? '').trim(), roomId: room === '' ? undefined : Number(room) });
      notice(`Installed ${installed.descriptor.name}`);
      this.parts.form.reset();
    } catch (error) {
      notice(error);
    }
  }

  /** @param {Installation} installation */
  async #uninstall(installation) {
    if (this.#frame?.installation.oauthId === installation.oauthId) this.closeConfiguration();
    try {
      const { addon } = await deleteJson(`/emulator/installations/${encodeURIComponent(installation.oauthId)}`);
      notice(`Uninstalled ${installation.descriptor.name} (the add-on answered ${addon.status})`);
    } catch (error) {
      notice(error);
    }
  }
}
