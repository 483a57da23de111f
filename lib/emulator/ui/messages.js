// @ts-check
/**
 * A room's history entry as add-ons see it: the event an action sends to the view it opens
 * (docs/protocol.md#targets-and-actions), and what message conditions read. Pure.
 */

/**
 * @typedef {{ id: number, name: string, mention_name: string }} UserReference
 * @typedef {{
 *   id: string, date: string, type: string, from: UserReference | string, message: string,
 *   message_format: 'html' | 'text', color?: string, card?: Record<string, any>,
 *   message_links?: Array<{ url: string }>, file?: { name?: string, url?: string, type?: string }
 * }} HistoryMessage
 * @typedef {{ id: number | null, name: string, mention: string | null }} Sender
 * @typedef {{
 *   body: string, sender: Sender, mid: string | undefined, type: string, metadata: Record<string, unknown>,
 *   card?: Record<string, any>, media?: { type?: string, name?: string, url?: string }
 * }} ActionMessage
 */

/**
 * `{body, sender: {id, name, mention}, mid, type, metadata, card?, media?}`. A notification's sender is
 * the add-on or integration, known by name only; `metadata` is the card's, or empty.
 * @param {HistoryMessage} message
 * @returns {ActionMessage}
 */
export function actionMessage(message) {
  const from = message.from;
  const sender = typeof from === 'string' ? { id: null, name: from, mention: null } : { id: from.id, name: from.name, mention: from.mention_name };
  /** @type {ActionMessage} */
  const event = { body: message.message, sender, mid: message.id, type: message.type, metadata: message.card?.metadata ?? {} };
  if (message.card) event.card = message.card;
  if (message.file) event.media = message.file;
  return event;
}

/**
 * What a user is typing, for input actions: a message not yet sent, so it has no id.
 * @param {string} body
 * @param {UserReference} user
 * @returns {ActionMessage}
 */
export function draftMessage(body, user) {
  return { body, sender: { id: user.id, name: user.name, mention: user.mention_name }, mid: undefined, type: 'message', metadata: {} };
}

/**
 * The action message plus the links the message shares, for `message_contains_link`.
 * @param {HistoryMessage} message
 */
export function conditionMessage(message) {
  const links = [...(message.message_links ?? []).map((link) => link.url), ...(message.card?.url ? [String(message.card.url)] : [])];
  return { ...actionMessage(message), links };
}
