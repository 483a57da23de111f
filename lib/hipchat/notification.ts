import { assertValidCard, cardFallbackText, MAX_MESSAGE_LENGTH, type Card } from '../core/card';
import type { components } from '../core/rest-api/openapi';
import { ConnectError } from '../errors';

/** The contract's notification fields besides the text and the card, which are typed below. */
type NotificationFields = Omit<components['schemas']['NotificationRequest'], 'message' | 'card'>;

/**
 * A room notification (docs/protocol.md#api-calls). `message` is the text every client shows; with a `card`
 * it may be left out, and is then made from the card (its title, description and link). The host reads
 * `message` as html unless `message_format` says text; a notification given as a plain string, or a
 * message made from the card, is sent as text.
 */
export type NotificationRequest = NotificationFields & ({ message: string; card?: Card } | { message?: string; card: Card });

/** The JSON body of a notification: the card validated, the fallback message present. */
export function notificationBody(notification: NotificationRequest | string): Record<string, unknown> {
  if (typeof notification === 'string') return { message: checkedMessage(notification), message_format: 'text' };
  const { card, message, ...fields } = notification;
  if (card === undefined) return { ...fields, message: checkedMessage(message) };
  assertValidCard(card);
  if (message !== undefined) return { ...fields, message: checkedMessage(message), card };
  // The format speaks of the message, and a message made from the card is text whatever was asked.
  return { ...fields, message: cardFallbackText(card), message_format: 'text', card };
}

function checkedMessage(message: unknown): string {
  if (typeof message !== 'string' || message.length === 0 || message.length > MAX_MESSAGE_LENGTH) {
    throw new ConnectError('REQUEST_INVALID', `A notification needs a message of 1 to ${MAX_MESSAGE_LENGTH} characters, or a card`, {
      details: { field: 'message' },
    });
  }
  return message;
}

