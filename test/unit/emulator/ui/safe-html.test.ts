import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_HTML, decodeEntities, GLANCE_LABEL, GLANCE_LABEL_RULE, NOTIFICATION_HTML, parseSafeHtml, type SafeNode } from '../../../../lib/emulator/ui/safe-html.js';

/** The tree written back as HTML, attributes sorted, so that expectations read like markup. */
function markup(nodes: SafeNode[]): string {
  return nodes.map((node) => {
    if (typeof node === 'string') return node.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const attributes = Object.entries(node.attributes).sort().map(([name, value]) => ` ${name}="${value}"`).join('');
    return node.tag === 'br' ? `<br${attributes}>` : `<${node.tag}${attributes}>${markup(node.children)}</${node.tag}>`;
  }).join('');
}

const notification = (html: string) => markup(parseSafeHtml(html, NOTIFICATION_HTML));
const card = (html: string) => markup(parseSafeHtml(html, CARD_HTML));
const label = (html: string) => markup(parseSafeHtml(html, GLANCE_LABEL));

describe('parseSafeHtml', () => {
  it('keeps allowed elements and their text', () => {
    expect(notification('<b>Deployed</b> <i>v2</i> to <code>prod</code><br>done')).toBe('<b>Deployed</b> <i>v2</i> to <code>prod</code><br>done');
    expect(notification('<ul><li>one</li><li>two</li></ul>')).toBe('<ul><li>one</li><li>two</li></ul>');
    expect(label('<strong>4</strong> open <em>PRs</em>')).toBe('<strong>4</strong> open <em>PRs</em>');
  });

  it('keeps the text of a disallowed element, not the element', () => {
    expect(notification('<div class="x"><font color=red>hot</font></div>')).toBe('hot');
    expect(label('<span>21°</span> <b>sunny</b>')).toBe('21° <b>sunny</b>');
    expect(card('<em>only</em> <u>these</u>')).toBe('only these');
  });

  it('drops elements that carry code or hidden content, with everything inside', () => {
    expect(notification('a<script>window.pwned = 1</script>b')).toBe('ab');
    expect(notification('a<script src="https://evil.example/x.js"></script>b')).toBe('ab');
    expect(notification('a<style>body { display: none }</style>b')).toBe('ab');
    expect(notification('a<svg><script>alert(1)</script><text>svg text</text></svg>b')).toBe('ab');
    expect(notification('a<iframe src="https://evil.example"></iframe>b<template><b>t</b></template>c')).toBe('abc');
    expect(notification('a<textarea><b>not bold</b></textarea>b')).toBe('ab');
  });

  it('reads a raw text element to its first end tag, as the browser does', () => {
    expect(notification('<script>let s = "<b>"; </script><b>after</b>')).toBe('<b>after</b>');
    expect(notification('<style><style></style>visible')).toBe('visible');
  });

  it('drops elements that run code through attributes', () => {
    expect(notification('<img src=x onerror="window.pwned = 1">after')).toBe('after');
    expect(notification('<b onclick="window.pwned = 1" style="color:red" class="x">bold</b>')).toBe('<b>bold</b>');
    expect(notification('<a href="https://example.com" onmouseover="x()">link</a>')).toBe('<a href="https://example.com">link</a>');
    expect(notification('<input autofocus onfocus=alert(1)><form action=x><button>go</button></form>')).toBe('go');
  });

  it('keeps links to http(s) and mailto only', () => {
    expect(notification('<a href="https://example.com/a?b=1&amp;c=2">ok</a>')).toBe('<a href="https://example.com/a?b=1&c=2">ok</a>');
    expect(notification('<a href="mailto:ada@example.com">mail</a>')).toBe('<a href="mailto:ada@example.com">mail</a>');
    for (const href of ['javascript:alert(1)', ' javascript:alert(1)', 'jav&#x61;script:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x', '/relative']) {
      expect(notification(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
    }
    expect(card('<a href="https://example.com">card link</a>')).toBe('<a href="https://example.com">card link</a>');
  });

  it('keeps a data-target link to a module key, with options that are a JSON object', () => {
    expect(notification(`<a data-target="forecast-panel" data-target-options='{"city":"Oslo"}'>open</a>`))
      .toBe('<a data-target="forecast-panel" data-target-options="{"city":"Oslo"}">open</a>');
    expect(notification('<a data-target="bad key!" data-target-options="[1]">open</a>')).toBe('<a>open</a>');
    expect(card('<a data-target="forecast-panel">open</a>')).toBe('<a>open</a>');
  });

  it('allows no attribute at all on glance labels', () => {
    expect(label('<b class="x" onclick="y">4</b>')).toBe('<b>4</b>');
  });

  it('closes what was left open, and ignores end tags of nothing open', () => {
    expect(notification('<b>bold <i>both')).toBe('<b>bold <i>both</i></b>');
    expect(notification('<b><i>x</b>y</i>z')).toBe('<b><i>x</i></b>yz');
    expect(notification('</b>text</p>')).toBe('text');
  });

  it('treats a lone < or a broken tag as text', () => {
    expect(notification('1 < 2 and 3 > 2')).toBe('1 &lt; 2 and 3 > 2');
    expect(notification('<b')).toBe('&lt;b');
    expect(notification('a <3 b')).toBe('a &lt;3 b');
  });

  it('drops comments and declarations', () => {
    expect(notification('a<!-- <script>x</script> -->b<!doctype html>c<?xml version="1.0"?>d<!-- never closed')).toBe('abcd');
  });

  it('decodes character references into text, which stays text', () => {
    expect(parseSafeHtml('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#169; &#x1F600;', NOTIFICATION_HTML)).toEqual(['<script>alert(1)</script> & © 😀']);
  });

  it('reads case-insensitively and self-closing forms', () => {
    expect(notification('<B>loud</B><BR/><SCRIPT>x</SCRIPT>')).toBe('<b>loud</b><br>');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references, and leaves unknown names alone', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;&hellip;')).toBe('&<>"\'\u00a0…');
    expect(decodeEntities('&#65;&#x42;&#X43;')).toBe('ABC');
    expect(decodeEntities('&madeup; &amp')).toBe('&madeup; &');
  });

  it('turns code points no character may have into U+FFFD', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });
});

describe('GLANCE_LABEL_RULE', () => {
  it('is the label pattern of schemas/glance.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'schemas', 'glance.schema.json'), 'utf8'));
    expect(GLANCE_LABEL_RULE.source).toBe(new RegExp(schema.$defs.label.properties.value.pattern).source);
  });
});
