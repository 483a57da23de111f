import { describeProblems, problemsWith } from '../core/schemas';
import { ConnectError } from '../errors';
import type { MessageColor } from './history';
import { isBoolean, isObject, isString, oneOf, optional, required, text } from './http/fields';

const COLORS: readonly MessageColor[] = ['yellow', 'green', 'red', 'purple', 'gray'];
const FORMATS = ['html', 'text'] as const;

/**
 * A room notification as the REST API takes it (docs/protocol.md#api-calls), defaults filled in and `random`
 * resolved to a color.
 */
export interface Notification {
  message: string;
  color: MessageColor;
  notify: boolean;
  message_format: 'html' | 'text';
  from?: string;
  card?: Record<string, unknown>;
  attach_to?: string;
}

/**
 * Checks a notification body, from `POST /v2/room/{id}/notification` or from a webhook's reply (the same
 * shape, docs/protocol.md#webhook-response). A wrong field is a PAYLOAD_INVALID naming it; a card is checked
 * against `schemas/card`, and its first problem names the path inside the card (`card/attributes/0`).
 */
export function parseNotification(body: Record<string, unknown>, random: () => number = Math.random): Notification {
  const color = optional(body.color, 'color', oneOf<MessageColor | 'random'>([...COLORS, 'random']), `one of ${[...COLORS, 'random'].join(', ')}`) ?? 'yellow';
  const notification: Notification = {
    message: required(body.message, 'message', text(1, 10_000), 'a string of 1 to 10000 characters'),
    color: color === 'random' ? COLORS[Math.floor(random() * COLORS.length)] ?? 'yellow' : color,
    notify: optional(body.notify, 'notify', isBoolean, 'true or false') ?? false,
    message_format: optional(body.message_format, 'message_format', oneOf(FORMATS), 'html or text') ?? 'html',
  };
  const from = optional(body.from, 'from', text(0, 64), 'a string of at most 64 characters');
  const card = optional(body.card, 'card', isObject, 'an object');
  const attachTo = optional(body.attach_to, 'attach_to', isString, 'a message id');
  if (from) notification.from = from;
  if (card) notification.card = checkedCard(card);
  if (attachTo !== undefined) notification.attach_to = attachTo;
  return notification;
}

function checkedCard(card: Record<string, unknown>): Record<string, unknown> {
  const problems = problemsWith('card', card);
  const [first] = problems;
  if (!first) return card;
  throw new ConnectError('PAYLOAD_INVALID', `card is invalid: ${describeProblems(problems)}`, {
    details: { field: `card${first.path}`, validation: first.rule },
  });
}
