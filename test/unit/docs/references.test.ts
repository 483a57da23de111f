import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * What the code cites must be in the checkout: a reader of lib/ (or of the published package) has
 * docs/, and nothing the project was written from. So a comment points at a docs page and a heading
 * (`docs/protocol.md#verified-uninstall`), never at a numbered section of an outside document, and every
 * such link, and every link between the docs pages, lands on a heading that exists.
 */
const root = path.join(__dirname, '..', '..', '..');
const SOURCE_FOLDERS = ['lib', 'test', 'templates', 'schemas'];

/**
 * A numbered part of a document ("protocol section N", "design principle N", or a bare section number),
 * as the notes outside the checkout were cited. A standard's sections stay citable (RFC 7519, section 4.1.5).
 */
const NUMBERED_CITATION = /\b(?:(?:protocol|design)[\s*#/]+)?(?:sections?|principles?)\s+\d+/gi;
const RFC_BEFORE = /RFC\s*\d+[\s,]*$/i;
/** Paths that exist only on the machine the project was started on. */
const OUTSIDE_PATH = /\/work\/|(?<![\w./-])shared\//g;
/** The notes by file name, in code (the docs pages link each other by file name, rightly). */
const NOTES_BY_NAME = /(?<![\w/-])(?:protocol|design)\.md/g;
const DOCS_LINK = /\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g;

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = `${folder}/${name}`;
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(relative) : [relative];
  });
}

const textOf = (file: string) => readFileSync(path.join(root, file), 'utf8');
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const SOURCES = SOURCE_FOLDERS.flatMap(filesUnder).filter((file) => !textOf(file).includes('\0'));
const PAGES = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** GitHub's anchor for each heading of a page: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const prose = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  for (const [, heading] of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const slug = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function citationsIn(file: string): string[] {
  const text = textOf(file);
  const at = (index: number) => `${file}:${lineOf(text, index)}`;
  const numbered = [...text.matchAll(NUMBERED_CITATION)]
    .filter((match) => !RFC_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index)))
    .map((match) => `${at(match.index)} cites "${match[0].replace(/\s+/g, ' ')}"`);
  const paths = [...text.matchAll(OUTSIDE_PATH), ...(file.endsWith('.md') && !file.startsWith('templates/') ? [] : text.matchAll(NOTES_BY_NAME))]
    .map((match) => `${at(match.index)} names "${match[0]}", outside the checkout`);
  return [...numbered, ...paths];
}

function brokenLinks(file: string, links: Iterable<{ page: string; anchor?: string; index: number }>): string[] {
  const text = textOf(file);
  return [...links].flatMap(({ page, anchor, index }) => {
    const where = `${file}:${lineOf(text, index)}`;
    if (!existsSync(path.join(root, page))) return [`${where} links ${page}, which does not exist`];
    if (anchor !== undefined && !anchorsOf(textOf(page)).has(anchor)) return [`${where} links ${page}#${anchor}, which is no heading of it`];
    return [];
  });
}

describe('references', () => {
  it('cite no numbered section of a document outside the checkout, in code, schemas, templates or docs', () => {
    expect([...SOURCES, ...PAGES].flatMap(citationsIn)).toEqual([]);
  });

  it('land on a heading when code links a docs page', () => {
    const broken = SOURCES.flatMap((file) =>
      brokenLinks(file, [...textOf(file).matchAll(DOCS_LINK)].map((match) => ({ page: `docs/${match[1]}`, anchor: match[2], index: match.index }))));
    expect(broken).toEqual([]);
  });

  it('land on a heading when a docs page links another page or itself', () => {
    const broken = PAGES.flatMap((file) => {
      const links = [...textOf(file).matchAll(/\]\(((?:[\w./-]+\.md)?)(?:#([^)\s]+))?\)/g)]
        .filter((match) => match[1] !== '' || match[2] !== undefined)
        .map((match) => ({ page: match[1] === '' ? file : path.posix.join(path.posix.dirname(file), match[1]!), anchor: match[2], index: match.index }));
      return brokenLinks(file, links);
    });
    expect(broken).toEqual([]);
  });

  it('makes anchors the way GitHub does', () => {
    const anchors = anchorsOf('# The JavaScript API: `/atlassian-connect/all.js`\n## Tokens, and many processes\n## Errors\n## Errors\n```\n# not a heading\n```\n');
    expect([...anchors]).toEqual(['the-javascript-api-atlassian-connectalljs', 'tokens-and-many-processes', 'errors', 'errors-1']);
  });
});
