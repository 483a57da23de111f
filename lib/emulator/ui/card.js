// @ts-check
/**
 * A notification's card (docs/protocol.md#card-fields): icon, title (a link when it has a URL), description
 * as text or HTML, activity, attributes with their lozenges, thumbnail. Card HTML keeps a, b, i, strong and
 * span; URLs are used only when they are http(s).
 */
import { h, httpUrl, safeHtml } from './dom.js';
import { CARD_HTML } from './safe-html.js';

const ATTRIBUTE_STYLES = ['lozenge', 'lozenge-success', 'lozenge-error', 'lozenge-current', 'lozenge-complete', 'lozenge-moved'];

/**
 * @param {Record<string, any>} card
 * @returns {HTMLElement}
 */
export function cardView(card) {
  const link = httpUrl(card.url);
  const title = String(card.title ?? '');
  return h('article', { class: `card card-${String(card.style)}` },
    imageOf(card.icon, 'card-icon'),
    h('div', { class: 'card-content' },
      h('h3', { class: 'card-title' }, link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, title) : title),
      descriptionOf(card.description),
      card.activity && typeof card.activity.html === 'string' && h('p', { class: 'card-activity' }, imageOf(card.activity.icon, 'card-activity-icon'), safeHtml(card.activity.html, CARD_HTML)),
      Array.isArray(card.attributes) && card.attributes.length > 0 && h('dl', { class: 'card-attributes' }, card.attributes.map(attributeOf))),
    imageOf(card.thumbnail, 'card-thumbnail'));
}

/** @param {unknown} description */
function descriptionOf(description) {
  if (typeof description === 'string') return description && h('p', { class: 'card-description' }, description);
  if (typeof description !== 'object' || description === null) return undefined;
  const { value, format } = /** @type {{ value?: unknown, format?: unknown }} */ (description);
  if (typeof value !== 'string') return undefined;
  return h('p', { class: 'card-description' }, format === 'html' ? safeHtml(value, CARD_HTML) : value);
}

/** @param {any} attribute */
function attributeOf(attribute) {
  const value = attribute?.value ?? {};
  const style = ATTRIBUTE_STYLES.includes(value.style) ? value.style : undefined;
  const link = httpUrl(value.url);
  const label = String(value.label ?? '');
  return h('div', { class: 'card-attribute' },
    attribute?.label && h('dt', {}, String(attribute.label)),
    h('dd', {}, imageOf(value.icon, 'card-attribute-icon'),
      h('span', { class: style ? `lozenge ${style}` : undefined }, link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, label) : label)));
}

/**
 * An icon or thumbnail: a URL, or `{url, url@2x?}`.
 * @param {unknown} image
 * @param {string} className
 */
function imageOf(image, className) {
  const source = typeof image === 'string' ? { url: image } : /** @type {Record<string, unknown> | undefined} */ (image ?? undefined);
  const url = httpUrl(source?.url);
  if (!url) return undefined;
  const double = httpUrl(source?.['url@2x']);
  return h('img', { class: className, src: url, srcset: double ? `${double} 2x` : undefined, alt: '' });
}
