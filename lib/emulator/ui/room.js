// @ts-check
/**
 * The room: its messages and notifications in order, each with the message actions whose conditions hold for
 * it (docs/protocol.md#targets-and-actions), and the input box, whose text goes the way of `postMessage`
 * (into the history, to every webhook that hears it) and whose input actions open with the draft.
 */
import { getJson, postJson } from './api.js';
import { cardView } from './card.js';
import { conditionsHold } from './conditions.js';
import { h, notice, safeHtml } from './dom.js';
import { actionMessage, conditionMessage, draftMessage } from './messages.js';
import { placed, text } from './modules.js';
import { NOTIFICATION_HTML } from './safe-html.js';

/**
 * @typedef {import('./messages.js').HistoryMessage} HistoryMessage
 * @typedef {{ message: HistoryMessage, oauthId?: string }} Said  a message, and the installation that sent it
 */

export class RoomView {
  /** @type {Said[]} */
  #history = [];

  /**
   * @param {import('./session.js').Session} session
   * @param {import('./views.js').Views} views
   * @param {{ title: HTMLElement, topic: HTMLElement, messages: HTMLOListElement, composer: HTMLFormElement, input: HTMLInputElement, inputActions: HTMLDetailsElement }} parts
   */
  constructor(session, views, parts) {
    this.session = session;
    this.views = views;
    this.parts = parts;
    parts.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#send();
    });
    parts.inputActions.addEventListener('toggle', () => parts.inputActions.open && this.#drawInputActions());
  }

  async load() {
    const { room } = this.session;
    this.parts.title.textContent = `${room.name}${room.privacy === 'private' ? ' (private)' : ''}`;
    this.parts.topic.textContent = room.topic;
    this.#history = (await getJson(`/emulator/ui/rooms/${room.id}/messages`)).items;
    this.render();
  }

  /** Draws every message again: who is looking decides which actions each offers. */
  render() {
    this.parts.messages.replaceChildren(...this.#history.map((message) => this.#messageView(message)));
    this.parts.inputActions.hidden = this.actionsAt('hipchat.input.action').length === 0;
    this.parts.messages.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  /**
   * @param {number} roomId
   * @param {Said} said
   */
  said(roomId, said) {
    if (roomId !== this.session.roomId || this.#history.some((known) => known.message.id === said.message.id)) return;
    this.#history.push(said);
    this.parts.messages.append(this.#messageView(said));
    this.parts.messages.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  /** @param {string} addition  `chat.appendMessage`: text added to the input box */
  append(addition) {
    this.parts.input.value = `${this.parts.input.value}${addition}`;
  }

  focus() {
    this.parts.input.focus();
  }

  async #send() {
    const message = this.parts.input.value.trim();
    if (!message) return;
    this.parts.input.value = '';
    await postJson(`/emulator/rooms/${this.session.roomId}/messages`, { user: this.session.userId, message }).catch(notice);
  }

  /** @param {Said} said */
  #messageView({ message, oauthId }) {
    const sender = typeof message.from === 'string' ? message.from : message.from.name;
    const body = message.message_format === 'html' ? this.#withModuleLinks(safeHtml(message.message, NOTIFICATION_HTML), oauthId) : message.message;
    const offered = this.actionsAt('hipchat.message.action', conditionMessage(message));
    return h('li', { class: `message message-${message.type}${message.color ? ` color-${message.color}` : ''}`, 'data-mid': message.id },
      h('div', { class: 'meta' }, h('span', { class: 'sender' }, sender), ' ', h('time', { datetime: message.date }, message.date.slice(11, 16))),
      h('div', { class: 'body' }, body),
      message.card && cardView(message.card),
      offered.length > 0 && h('details', { class: 'menu' }, h('summary', { 'aria-label': 'Message actions', title: 'Message actions' }, '⋯'),
        h('ul', {}, this.#choices(offered, () => actionMessage(message)))));
  }

  #drawInputActions() {
    const draftNow = () => draftMessage(this.parts.input.value, this.session.user);
    const offered = this.actionsAt('hipchat.input.action', draftNow());
    // The draft goes out as it is when the action is chosen: the menu drawn when it opened may be older.
    this.parts.inputActions.querySelector('ul')?.replaceChildren(...(offered.length > 0
      ? this.#choices(offered, draftNow)
      : [h('li', { class: 'empty' }, 'No action applies to this draft')]));
  }

  /**
   * Makes `<a data-target="<module key>" data-target-options='{…}'>` open that module of the add-on that sent
   * the message (docs/protocol.md#module-links-in-notifications). Anyone else's such links, and those of an
   * add-on no longer in the room, stay plain text.
   * @param {DocumentFragment} body
   * @param {string | undefined} oauthId
   */
  #withModuleLinks(body, oauthId) {
    const installation = this.session.installationsHere.find((candidate) => candidate.oauthId === oauthId);
    if (!installation) return body;
    for (const link of body.querySelectorAll('a[data-target]')) {
      const key = link.getAttribute('data-target') ?? '';
      const options = JSON.parse(link.getAttribute('data-target-options') ?? '{}');
      link.setAttribute('href', '#');
      link.addEventListener('click', (event) => {
        event.preventDefault();
        this.views.open(installation, { key, options }).catch(notice);
      });
    }
    return body;
  }

  /**
   * One button per action; choosing one closes its menu and opens the action's target with the message.
   * @param {ReturnType<RoomView['actionsAt']>} offered
   * @param {() => import('./messages.js').ActionMessage} messageNow
   */
  #choices(offered, messageNow) {
    return offered.map(({ installation, module }) => h('li', {}, h('button', {
      type: 'button',
      onclick: (/** @type {Event} */ event) => {
        const menu = /** @type {HTMLElement} */ (event.currentTarget).closest('details');
        if (menu) menu.open = false;
        this.views.open(installation, module.target, { action: module.key, message: messageNow() }).catch(notice);
      },
    }, text(module.name))));
  }

  /**
   * The actions at a location whose conditions hold, for this message, user and room.
   * @param {string} location
   * @param {import('./conditions.js').ConditionMessage} [message]
   */
  actionsAt(location, message) {
    const context = this.session.conditionContext({ message });
    return placed(this.session.installationsHere, (descriptor) => descriptor.capabilities?.action)
      .filter(({ module }) => module.location === location && (message === undefined || conditionsHold(module.conditions, context)));
  }
}
