// @ts-check
/**
 * The page is built with createElement and text nodes only, never from markup, so nothing an add-on
 * or a user wrote is ever parsed by the host page as HTML.
 */
import { parseSafeHtml } from './safe-html.js';

/**
 * @typedef {import('./safe-html.js').SafeNode} SafeNode
 * @typedef {import('./safe-html.js').Policy} Policy
 * @typedef {Node | string | null | undefined | false} Child
 */

/**
 * An element with attributes (`on*` functions become listeners, `hidden`/`disabled` booleans) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [props]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function' && name.startsWith('on')) element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (typeof value === 'boolean') element.toggleAttribute(name, value);
    else if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** What each tag of the policies may carry, checked once more here, where elements are made. */
const RENDERABLE = /** @type {Record<string, string[]>} */ ({
  a: ['href', 'data-target', 'data-target-options'], b: [], strong: [], i: [], em: [], u: [], s: [], code: [], pre: [],
  br: [], p: [], ul: [], ol: [], li: [], blockquote: [], span: [],
});

/**
 * Add-on HTML as host elements, within the policy. Links open in a new window without a referrer
 * (their targets are the add-on's, not the host's); `data-target` links are the host's to handle.
 * @param {string} html
 * @param {Policy} policy
 * @returns {DocumentFragment}
 */
export function safeHtml(html, policy) {
  const fragment = document.createDocumentFragment();
  fragment.append(...parseSafeHtml(html, policy).map(toNode));
  return fragment;
}

/**
 * @param {SafeNode} node
 * @returns {Node}
 */
function toNode(node) {
  if (typeof node === 'string') return document.createTextNode(node);
  const allowed = Object.hasOwn(RENDERABLE, node.tag) ? RENDERABLE[node.tag] ?? [] : undefined;
  if (!allowed) return document.createTextNode('');
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attributes)) if (allowed.includes(name)) element.setAttribute(name, value);
  if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) {
    element.target = '_blank';
    element.rel = 'noopener noreferrer';
  }
  element.append(...node.children.map(toNode));
  return element;
}

/**
 * An http(s) URL an add-on gave for an image or a link, or undefined: `javascript:` and `data:` never
 * reach an attribute.
 * @param {unknown} value
 */
export function httpUrl(value) {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Tells the person what went wrong (an install refused, a view that could not open), in the page's
 * status line, for a few seconds.
 * @param {unknown} problem
 */
export function notice(problem) {
  const line = document.getElementById('notice');
  if (!line) return;
  line.textContent = problem instanceof Error ? problem.message : String(problem);
  clearTimeout(Number(line.dataset.timer));
  line.dataset.timer = String(setTimeout(() => (line.textContent = ''), 8000));
}
