// @ts-check
/**
 * The glances of the add-ons present in the room, in the right sidebar (docs/protocol.md#glance-query). Each
 * queryUrl is called from the browser, as HipChat's web client did: a cross-origin GET with the
 * host's token as `signed_request` and `connect_client_api_version`. A push from the add-on replaces
 * what a glance shows, and its open views hear `glance-update`. Without a queryUrl, or when the query
 * fails or answers a label outside the rule, the glance shows its name.
 */
import { postJson } from './api.js';
import { conditionsHold } from './conditions.js';
import { h, httpUrl, notice, safeHtml } from './dom.js';
import { placed, text } from './modules.js';
import { GLANCE_LABEL, GLANCE_LABEL_RULE } from './safe-html.js';

/**
 * @typedef {import('./modules.js').Installation} Installation
 * @typedef {NonNullable<NonNullable<import('./modules.js').InstalledDescriptor['capabilities']>['glance']>[number]} Glance
 * @typedef {{ label?: { type?: string, value?: unknown }, status?: { type?: string, value?: any }, metadata?: Record<string, unknown> }} Content
 * @typedef {{ installation: Installation, glance: Glance, content: Content | undefined, item: HTMLLIElement }} Entry
 */

const LOZENGES = ['default', 'success', 'error', 'current', 'new', 'complete', 'moved'];

export class GlanceList {
  /** @type {Entry[]} */
  #entries = [];

  /**
   * @param {import('./session.js').Session} session
   * @param {import('./views.js').Views} views
   * @param {import('./frames.js').Frames} frames
   * @param {HTMLUListElement} list
   */
  constructor(session, views, frames, list) {
    this.session = session;
    this.views = views;
    this.frames = frames;
    this.list = list;
  }

  /** Builds the list for the current room and user, then queries each glance. */
  render() {
    this.#entries = placed(this.session.installationsHere, (descriptor) => descriptor.capabilities?.glance)
      .map(({ installation, module }) => ({ installation, glance: module, content: this.#latestPush(installation, module), item: h('li') }));
    this.list.replaceChildren(...this.#entries.map((entry) => entry.item));
    for (const entry of this.#entries) {
      this.#draw(entry);
      if (entry.glance.queryUrl) void this.#query(entry);
    }
  }

  /** @param {import('./session.js').GlancePush} push */
  pushed(push) {
    for (const entry of this.#entries) {
      if (!this.#applies(push, entry.installation, entry.glance)) continue;
      entry.content = push.content;
      this.#draw(entry);
      this.frames.broadcast(entry.installation.oauthId, 'glance-update', { key: entry.glance.key, content: push.content });
    }
  }

  /** @param {Entry} entry */
  async #query(entry) {
    try {
      const { url } = await postJson('/emulator/ui/glance-queries', { ...this.session.viewing(entry.installation), key: entry.glance.key });
      const response = await fetch(url, { mode: 'cors', credentials: 'omit' });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      entry.content = await response.json();
    } catch (error) {
      console.warn(`emulator: the glance ${entry.glance.key} could not be queried: ${error instanceof Error ? error.message : error}`);
    }
    if (this.#entries.includes(entry)) this.#draw(entry);
  }

  /** @param {Entry} entry */
  #draw(entry) {
    const { installation, glance, content } = entry;
    entry.item.hidden = !conditionsHold(glance.conditions, this.session.conditionContext({ glance: { metadata: content?.metadata } }));
    const parts = [h('img', { class: 'glance-icon', src: httpUrl(glance.icon.url), alt: '' }), labelOf(glance, content), statusOf(content)];
    const target = glance.target;
    entry.item.replaceChildren(target === undefined
      ? h('div', { class: 'glance', 'data-key': glance.key }, parts)
      : h('button', { type: 'button', class: 'glance', 'data-key': glance.key, onclick: () => this.views.open(installation, target).catch(notice) }, parts));
  }

  /**
   * The latest push that applies to this room or user, or the whole group.
   * @param {Installation} installation
   * @param {Glance} glance
   */
  #latestPush(installation, glance) {
    const applying = this.session.pushes.filter((push) => this.#applies(push, installation, glance));
    return applying.sort((left, right) => left.updatedAt.localeCompare(right.updatedAt)).at(-1)?.content;
  }

  /**
   * @param {import('./session.js').GlancePush} push
   * @param {Installation} installation
   * @param {Glance} glance
   */
  #applies(push, installation, glance) {
    const { scope } = push;
    return push.oauthId === installation.oauthId && push.key === glance.key
      && (scope.group === true || scope.room === this.session.roomId || scope.user === this.session.userId);
  }
}

/**
 * The label's HTML within the rule, else the glance's name.
 * @param {Glance} glance
 * @param {Content | undefined} content
 */
function labelOf(glance, content) {
  const value = content?.label?.value;
  const valid = content?.label?.type === 'html' && typeof value === 'string' && value.length <= 1000 && GLANCE_LABEL_RULE.test(value);
  if (content && !valid) console.warn(`emulator: the glance ${glance.key} answered a label outside the rule; its name is shown`);
  return h('span', { class: 'glance-label' }, valid ? safeHtml(value, GLANCE_LABEL) : text(glance.name));
}

/** @param {Content | undefined} content */
function statusOf(content) {
  const status = content?.status;
  if (status?.type === 'lozenge' && LOZENGES.includes(status.value?.type) && typeof status.value?.label === 'string') {
    return h('span', { class: `lozenge lozenge-${status.value.type}` }, status.value.label);
  }
  if (status?.type === 'icon' && httpUrl(status.value?.url)) {
    return h('img', { class: 'glance-status-icon', src: httpUrl(status.value.url), alt: '' });
  }
  return undefined;
}
