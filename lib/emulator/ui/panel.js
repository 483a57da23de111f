// @ts-check
/**
 * The sidebar's view: a webPanel's page in the right sidebar, in place of the glances, with its name
 * and a way back (docs/protocol.md#framing).
 */
import { h } from './dom.js';
import { text } from './modules.js';

export class SidebarPanel {
  /** @type {import('./frames.js').Frame | undefined} */
  frame;

  /**
   * @param {import('./frames.js').Frames} frames
   * @param {import('./session.js').Session} session
   * @param {HTMLElement} element  the panel, a sibling of the glances
   * @param {HTMLElement} glances
   */
  constructor(frames, session, element, glances) {
    this.frames = frames;
    this.session = session;
    this.element = element;
    this.glances = glances;
  }

  /**
   * @param {import('./modules.js').Installation} installation
   * @param {import('./views.js').OpenedView} view
   */
  show(installation, view) {
    this.close();
    const name = text(view.module.name);
    const iframe = h('iframe', { class: 'panel-frame', title: name });
    this.element.replaceChildren(
      h('header', {}, h('button', { type: 'button', class: 'back', 'aria-label': 'Back to the glances', onclick: () => this.close() }, '‹'), h('h2', {}, name)),
      iframe,
    );
    this.frame = this.frames.load(iframe, view.url, { installation, kind: 'sidebar', userId: this.session.userId, roomId: this.session.roomId });
    this.element.hidden = false;
    this.glances.hidden = true;
    return this.frame;
  }

  close() {
    this.frames.unload(this.frame);
    this.frame = undefined;
    this.element.replaceChildren();
    this.element.hidden = true;
    this.glances.hidden = false;
  }
}
