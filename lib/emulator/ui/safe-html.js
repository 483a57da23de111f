// @ts-check
/**
 * Add-on HTML (notifications, cards, glance labels) read into a tree of allowed elements and text.
 * Nothing here touches a DOM: render-html.js builds elements from the tree with createElement and
 * text nodes, so the host page never parses add-on markup. Anything outside the policy is dropped:
 * a disallowed tag keeps its text, an element that carries code or hidden content (script, style,
 * svg, …) goes with everything inside it, and an attribute survives only if its tag allows it and
 * its value passes that attribute's check.
 */

/**
 * @typedef {{ tag: string, attributes: Record<string, string>, children: SafeNode[] }} SafeElement
 * @typedef {string | SafeElement} SafeNode
 * @typedef {Record<string, Record<string, (value: string) => boolean>>} Policy  tag → attribute → check
 */

const httpLink = (/** @type {string} */ value) => /^(https?:|mailto:)/i.test(value.trim());
const moduleKey = (/** @type {string} */ value) => /^[a-zA-Z0-9_\-.]{1,40}$/.test(value);
const jsonObject = (/** @type {string} */ value) => {
  try {
    const parsed = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
};

/**
 * The rule a glance label must pass to be shown at all, as schemas/glance.schema.json states it: a
 * label that breaks it is the add-on's mistake, and the host shows the glance's name instead.
 */
export const GLANCE_LABEL_RULE = /^(?:[^<]|<\/?(?:b|strong|em|i)>)*$/;
/** Glance labels: b, strong, em, i without attributes (docs/protocol.md#glance-content). */
export const GLANCE_LABEL = policy(['b', 'strong', 'em', 'i']);
/** Card HTML: a, b, i, strong, span (docs/protocol.md#card-html); links to http(s) and mailto only. */
export const CARD_HTML = policy(['b', 'i', 'strong', 'span'], { a: { href: httpLink } });
/**
 * Notification HTML: the formatting HipChat showed, with links, and `data-target` links that open a module of
 * the sending add-on (docs/protocol.md#module-links-in-notifications). No images, no forms, no styles, no
 * handlers.
 */
export const NOTIFICATION_HTML = policy(
  ['b', 'strong', 'i', 'em', 'u', 's', 'code', 'pre', 'br', 'p', 'ul', 'ol', 'li', 'blockquote', 'span'],
  { a: { href: httpLink, 'data-target': moduleKey, 'data-target-options': jsonObject } },
);

/** Elements whose content goes with them, text included. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'noembed', 'noframes', 'textarea', 'title', 'xmp', 'svg', 'math', 'select', 'head']);
/** Elements that end at the first `</name`, whatever is inside (the HTML parser's raw text elements). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const VOID = new Set(['br']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|<\/([a-zA-Z][\w-]*)[^>]*>?|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/)*)\s*>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * @param {string} html
 * @param {Policy} allowed
 * @returns {SafeNode[]}
 */
export function parseSafeHtml(html, allowed) {
  /** @type {SafeElement} */
  const root = { tag: '', attributes: {}, children: [] };
  const open = [root];
  let skipping = /** @type {{ tag: string, depth: number } | undefined} */ (undefined);
  let at = 0;
  const text = (/** @type {string} */ raw) => {
    if (!skipping && raw) (open.at(-1) ?? root).children.push(decodeEntities(raw));
  };
  for (const match of String(html).matchAll(TOKEN)) {
    text(html.slice(at, match.index));
    at = (match.index ?? 0) + match[0].length;
    const [whole, closing, opening, attributes = ''] = match;
    if (closing !== undefined) {
      const tag = closing.toLowerCase();
      if (skipping) {
        if (tag === skipping.tag && --skipping.depth === 0) skipping = undefined;
      } else if (Object.hasOwn(allowed, tag)) {
        const index = open.map((element) => element.tag).lastIndexOf(tag);
        if (index > 0) open.length = index;
      }
    } else if (opening !== undefined) {
      const tag = opening.toLowerCase();
      if (skipping) {
        if (tag === skipping.tag && !RAW_TEXT.has(tag)) skipping.depth++;
      } else if (DROPPED_WITH_CONTENT.has(tag)) {
        if (!whole.endsWith('/>') || RAW_TEXT.has(tag)) skipping = { tag, depth: 1 };
      } else if (Object.hasOwn(allowed, tag)) {
        /** @type {SafeElement} */
        const element = { tag, attributes: allowedAttributes(attributes, allowed[tag] ?? {}), children: [] };
        (open.at(-1) ?? root).children.push(element);
        if (!VOID.has(tag) && !whole.endsWith('/>')) open.push(element);
      }
    }
  }
  text(html.slice(at));
  return root.children;
}

/**
 * @param {string} source
 * @param {Record<string, (value: string) => boolean>} checks
 */
function allowedAttributes(source, checks) {
  /** @type {Record<string, string>} */
  const kept = {};
  for (const [, rawName = '', double, single, bare] of source.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase();
    const value = decodeEntities(double ?? single ?? bare ?? '');
    if (Object.hasOwn(checks, name) && !Object.hasOwn(kept, name) && checks[name]?.(value)) kept[name] = value;
  }
  return kept;
}

const NAMED = /** @type {Record<string, string>} */ ({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', deg: '°',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  middot: '·', bull: '•', times: '×', euro: '€',
});

/**
 * Character references as text: the common named ones and every numeric one. An unknown name stays as
 * it was written; a code point no character may have becomes U+FFFD, as the HTML parser does.
 * @param {string} text
 */
export function decodeEntities(text) {
  return text.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z]{2,8}));?/g, (reference, decimal, hex, name) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name] ?? reference : reference;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex, 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * @param {string[]} bare  tags allowed without attributes
 * @param {Policy} [withAttributes]
 * @returns {Policy}
 */
function policy(bare, withAttributes = {}) {
  return Object.freeze({ ...Object.fromEntries(bare.map((tag) => [tag, {}])), ...withAttributes });
}
