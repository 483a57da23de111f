// @ts-check
/**
 * The add-on frames the host page shows, and the postMessage channel to each (protocol.js). A frame is
 * known by its window and by the origin of the page it was given: a message whose source is no
 * frame of ours, or whose origin is not its page's, is refused, so a frame can only ever talk as
 * itself. Messages to a frame name its origin, so they reach nobody else, even once it navigates away.
 */
import { dispatch, event, parseFrameMessage } from './protocol.js';

/**
 * @typedef {import('./protocol.js').HostApi} HostApi
 * @typedef {import('./modules.js').Installation} Installation
 * @typedef {'sidebar' | 'dialog' | 'configure'} FrameKind
 * @typedef {{ installation: Installation, kind: FrameKind, userId: number, roomId: number | undefined }} FrameIdentity
 * @typedef {FrameIdentity & {
 *   iframe: HTMLIFrameElement, origin: string, ready: boolean, outbox: object[],
 *   receipts: Map<string, (receipt: unknown) => void>
 * }} Frame
 */

/** How long the host waits for a frame's receipt of an event before going on without one. */
const RECEIPT_MS = 5000;
/** Events kept for a page that has not said `init` (one without all.js never will). */
const OUTBOX_LIMIT = 50;

export class Frames {
  /** @type {Set<Frame>} */
  #frames = new Set();
  /** @type {HostApi} */
  #api = {};
  #sent = 0;

  constructor(win = window) {
    win.addEventListener('message', (message) => this.#receive(message));
  }

  /** @param {HostApi} api  what frames may call */
  serve(api) {
    this.#api = api;
  }

  /**
   * Loads a page into an iframe as a frame of the installation, for this user and room.
   * @param {HTMLIFrameElement} iframe
   * @param {string} url
   * @param {FrameIdentity} identity
   * @returns {Frame}
   */
  load(iframe, url, identity) {
    /** @type {Frame} */
    const frame = { ...identity, iframe, origin: new URL(url).origin, ready: false, outbox: [], receipts: new Map() };
    this.#frames.add(frame);
    iframe.src = url;
    return frame;
  }

  /** @param {Frame | undefined} frame */
  unload(frame) {
    if (!frame) return;
    this.#frames.delete(frame);
    for (const settle of frame.receipts.values()) settle(undefined);
    frame.iframe.src = 'about:blank';
  }

  /**
   * Sends an event to the frame (once its page said `init`); resolves with the frame's receipt, or
   * undefined when none came in time.
   * @param {Frame} frame
   * @param {string} name
   * @param {unknown} payload
   * @returns {Promise<any>}
   */
  send(frame, name, payload) {
    const mid = `h${++this.#sent}`;
    const receipt = new Promise((resolve) => {
      const timer = setTimeout(() => settle(undefined), RECEIPT_MS);
      const settle = (/** @type {unknown} */ value) => {
        clearTimeout(timer);
        frame.receipts.delete(mid);
        resolve(value);
      };
      frame.receipts.set(mid, settle);
    });
    const message = event(mid, name, payload);
    if (frame.ready) this.#post(frame, message);
    else if (frame.outbox.length < OUTBOX_LIMIT) frame.outbox.push(message);
    return receipt;
  }

  /**
   * Sends an event to every open frame of an installation (`glance-update`).
   * @param {string} oauthId
   * @param {string} name
   * @param {unknown} payload
   */
  broadcast(oauthId, name, payload) {
    for (const frame of this.#frames) if (frame.installation.oauthId === oauthId) void this.send(frame, name, payload);
  }

  /** @param {MessageEvent} message */
  #receive(message) {
    const frame = [...this.#frames].find((candidate) => candidate.iframe.contentWindow === message.source);
    if (!frame || message.origin !== frame.origin) {
      // A frame the host just closed may still have posted its last receipt; its window is gone (no source).
      if (message.source === null) return;
      if (parseFrameMessage(message.data)) console.warn(`emulator: refused a message from ${message.origin}: it is not the frame it claims to be`);
      return;
    }
    const parsed = parseFrameMessage(message.data);
    if (parsed?.type === 'init') {
      frame.ready = true;
      for (const queued of frame.outbox.splice(0)) this.#post(frame, queued);
    } else if (parsed?.type === 'req') {
      void dispatch(this.#api, frame, parsed).then((answer) => this.#post(frame, answer));
    } else if (parsed?.type === 'resp') {
      frame.receipts.get(parsed.mid)?.(parsed.args[1]);
    }
  }

  /**
   * @param {Frame} frame
   * @param {object} message
   */
  #post(frame, message) {
    if (this.#frames.has(frame)) frame.iframe.contentWindow?.postMessage(message, frame.origin);
  }
}
