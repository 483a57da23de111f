// @ts-check
/**
 * Opening an add-on's page where its kind says (docs/protocol.md#pages): a webPanel in the sidebar, a
 * dialog in a modal, an externalPage in a new window. The host signs the URL and fills its
 * placeholders; the opened view is then sent the events it was opened for, once its page is ready.
 */
import { postJson } from './api.js';
import { conditionsHold } from './conditions.js';
import { targetOf } from './modules.js';
import { HostApiError } from './protocol.js';

/**
 * @typedef {import('./modules.js').Installation} Installation
 * @typedef {import('./frames.js').Frame} Frame
 * @typedef {{ kind: 'webPanel' | 'dialog' | 'externalPage', key: string, url: string, module: Record<string, any> }} OpenedView
 * @typedef {{
 *   options?: Record<string, unknown>, parameters?: unknown, urlTemplateValues?: Record<string, unknown>,
 *   message?: import('./messages.js').ActionMessage, action?: string
 * }} OpenRequest
 * @typedef {{ show(installation: Installation, view: OpenedView, options: Record<string, unknown>): Frame }} Place
 */

export class Views {
  /**
   * @param {import('./session.js').Session} session
   * @param {import('./frames.js').Frames} frames
   * @param {{ sidebar: Place, dialog: Place }} places
   */
  constructor(session, frames, places) {
    this.session = session;
    this.frames = frames;
    this.places = places;
  }

  /**
   * Opens a module of the installation. `action` names the action that opened it: its page receives
   * the message as an event of that name; `parameters` arrive as `receive-parameters`.
   * @param {Installation} installation
   * @param {string | { key: string, options?: Record<string, unknown> }} target
   * @param {OpenRequest} [request]
   */
  async open(installation, target, request = {}) {
    const { key, options } = targetOf(target);
    /** @type {OpenedView} */
    const view = await postJson('/emulator/ui/views', {
      ...this.session.viewing(installation), key, urlTemplateValues: request.urlTemplateValues, message: request.message,
    });
    if (view.kind === 'externalPage') {
      window.open(view.url, '_blank', 'noopener');
      return;
    }
    if (view.kind === 'webPanel' && !conditionsHold(view.module.conditions, this.session.conditionContext({ message: request.message }))) {
      throw new HostApiError('NOT_ALLOWED', `The conditions of ${key} do not hold for ${this.session.user.name} here`);
    }
    const place = view.kind === 'dialog' ? this.places.dialog : this.places.sidebar;
    const frame = place.show(installation, view, { ...options, ...request.options });
    if (request.action !== undefined) void this.frames.send(frame, request.action, request.message);
    if (request.parameters !== undefined) void this.frames.send(frame, 'receive-parameters', request.parameters);
  }
}
