/**
 * Fills a template file's placeholders. `{{name}}` takes a value escaped for the file it is in (a
 * JavaScript or TypeScript string, a JSON string, or text as it is elsewhere), so a name with a quote
 * or a backslash still gives valid code. A list value repeats the placeholder with the quotes around it,
 * so `['{{scopes}}']` becomes `['send_notification', 'view_room']` and the template stays valid syntax.
 * A line holding a placeholder whose value is `undefined` is left out (an optional vendor, say).
 * Names that are not among the values (`{{localBaseUrl}}` of a descriptor template) are left as they are.
 */
export type PlaceholderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

const PLACEHOLDER = /(['"]?)\{\{(\w+)\}\}\1/g;
const DROPPED_LINE = '\u0000';

export function fillPlaceholders(text: string, fileName: string, values: PlaceholderValues): string {
  const escape = escaperFor(fileName);
  const filled = text.replace(PLACEHOLDER, (whole, quote: string, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name];
    if (value === undefined) return DROPPED_LINE;
    const items = typeof value === 'string' ? [value] : value;
    return items.map((item) => `${quote}${escape(item, quote)}${quote}`).join(', ');
  });
  return filled.split('\n').filter((line) => !line.includes(DROPPED_LINE)).join('\n');
}

function escaperFor(fileName: string): (value: string, quote: string) => string {
  if (fileName.endsWith('.json')) return (value) => JSON.stringify(value).slice(1, -1);
  if (/\.[cm]?[jt]s$/.test(fileName)) return (value, quote) => value.replace(/\\/g, '\\\\').replace(quote === '' ? /(?!)/ : new RegExp(quote, 'g'), `\\${quote}`);
  return (value) => value;
}
