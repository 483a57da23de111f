// @ts-check
/**
 * The dialog: a modal around an add-on's page, with the title, size, style, hint and buttons of its
 * descriptor options (docs/protocol.md#capabilities-members), which the page may change (`dialog.update`,
 * `dialog.updatePrimaryAction`). A button click is sent to the page as `dialog-button-click`
 * `{action: <button key>}`; a page that handles it closes the dialog or keeps it open, one that does
 * not has it closed. One dialog at a time.
 */
import { h } from './dom.js';
import { text } from './modules.js';

/**
 * @typedef {import('./frames.js').Frame} Frame
 * @typedef {import('./views.js').OpenedView} OpenedView
 * @typedef {{ name: import('./modules.js').I18nValue | string, key?: string, enabled?: boolean }} Button
 * @typedef {{
 *   title?: import('./modules.js').I18nValue | string, style?: string, size?: string | { width: string, height: string },
 *   hint?: import('./modules.js').I18nValue | string, primaryAction?: Button, secondaryActions?: Button[]
 * }} DialogOptions
 */

const SIZES = ['small', 'medium', 'large', 'xlarge'];

export class DialogView {
  /** @type {Frame | undefined} */
  frame;
  /** @type {DialogOptions} */
  #options = {};

  /**
   * @param {import('./frames.js').Frames} frames
   * @param {import('./session.js').Session} session
   * @param {HTMLDialogElement} element
   */
  constructor(frames, session, element) {
    this.frames = frames;
    this.session = session;
    this.element = element;
    // Escape closes the modal; a dialog shown again since then is still open and stays.
    element.addEventListener('close', () => {
      if (!element.open) this.close();
    });
  }

  /**
   * @param {import('./modules.js').Installation} installation
   * @param {OpenedView} view
   * @param {Record<string, unknown>} options  the target's or the opener's, over the descriptor's
   */
  show(installation, view, options) {
    this.close();
    this.#options = { ...view.module.options, title: view.module.title, ...options };
    const iframe = h('iframe', { class: 'dialog-frame', title: text(this.#options.title) });
    this.element.replaceChildren(h('header', {}, h('h2', { id: 'dialog-title' }), h('button', { type: 'button', class: 'close', 'aria-label': 'Close dialog', onclick: () => this.close() }, '×')), iframe, h('footer'));
    this.frame = this.frames.load(iframe, view.url, { installation, kind: 'dialog', userId: this.session.userId, roomId: this.session.roomId });
    this.#render();
    this.element.showModal();
    return this.frame;
  }

  /** @param {{ title?: string, options?: DialogOptions }} change */
  update(change) {
    this.#options = { ...this.#options, ...change.options, ...(change.title === undefined ? {} : { title: change.title }) };
    this.#render();
  }

  /** @param {{ name?: string, enabled?: boolean }} change */
  updatePrimaryAction(change) {
    const primary = this.#options.primaryAction ?? { name: 'OK' };
    this.#options.primaryAction = { ...primary, ...change };
    this.#render();
  }

  close() {
    if (!this.frame) return;
    this.frames.unload(this.frame);
    this.frame = undefined;
    if (this.element.open) this.element.close();
    this.element.replaceChildren();
  }

  #render() {
    const options = this.#options;
    const title = this.element.querySelector('#dialog-title');
    const iframe = this.element.querySelector('iframe');
    const footer = this.element.querySelector('footer');
    if (!title || !iframe || !footer) return;
    title.textContent = text(options.title);
    iframe.title = text(options.title);
    const size = typeof options.size === 'string' && SIZES.includes(options.size) ? options.size : 'medium';
    this.element.className = `dialog dialog-${size} dialog-${options.style === 'warning' ? 'warning' : 'normal'}`;
    const custom = typeof options.size === 'object' ? options.size : { width: '', height: '' };
    Object.assign(iframe.style, { width: custom.width, height: custom.height });
    const button = (/** @type {Button} */ spec, /** @type {string} */ kind) => h('button', {
      type: 'button', class: kind, disabled: spec.enabled === false, onclick: () => this.#clicked(spec.key ?? text(spec.name)),
    }, text(spec.name));
    const buttons = [...(options.secondaryActions ?? []).map((spec) => button(spec, 'secondary'))];
    if (options.primaryAction) buttons.push(button(options.primaryAction, 'primary'));
    footer.replaceChildren(h('p', { class: 'hint' }, text(options.hint)), ...buttons);
  }

  /** @param {string} action */
  async #clicked(action) {
    const frame = this.frame;
    if (!frame) return;
    const receipt = await this.frames.send(frame, 'dialog-button-click', { action });
    if (receipt?.handled === false && this.frame === frame) this.close();
  }
}
