import type { Card } from './types';

/** The longest room notification message the host takes (docs/protocol.md#api-calls). */
export const MAX_MESSAGE_LENGTH = 10_000;

/**
 * The plain-text message a card goes out with when its sender wrote none, for clients that cannot show cards
 * (the plain `message` stays required, docs/protocol.md#cards): the title, the description as text, the link.
 */
export function cardFallbackText(card: Card): string {
  const lines = [card.title, descriptionText(card.description), card.url].filter((line): line is string => Boolean(line));
  const text = lines.join('\n');
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

function descriptionText(description: Card['description']): string | undefined {
  if (description === undefined || typeof description === 'string') return description;
  return description.format === 'html' ? htmlToText(description.value) : description.value;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/**
 * Card HTML is limited to a, b, i, strong and span (docs/protocol.md#card-html): dropping the tags leaves the
 * text.
 */
function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}
