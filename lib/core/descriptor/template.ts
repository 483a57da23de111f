import type { SchemaProblem } from '../schemas';
import { frozenJsonCopy } from './frozen';
import type { Descriptor } from './types';
import { assertValidDescriptor, invalidDescriptor } from './validate';

/** The values an `atlassian-connect.json` template from Atlassian's framework may refer to. */
export interface TemplateVars {
  localBaseUrl: string;
}

/** `{{name}}`, spaces inside the braces allowed; single-brace `{room_id}` host placeholders never match. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * For add-ons migrating from Atlassian's framework: fills `{{localBaseUrl}}` into a descriptor template,
 * then validates the result like a built descriptor. The value is JSON-escaped, since placeholders sit
 * inside JSON strings. Throws DESCRIPTOR_INVALID for an unknown placeholder, text that is not JSON
 * once filled in, or an invalid descriptor.
 */
export function descriptorFromTemplate(text: string, vars: TemplateVars): Descriptor {
  const values = new Map([['localBaseUrl', vars.localBaseUrl.replace(/\/+$/, '')]]);
  const unknown: SchemaProblem[] = [];
  const filled = text.replace(PLACEHOLDER, (placeholder: string, name: string, offset: number) => {
    const value = values.get(name);
    if (value !== undefined) return JSON.stringify(value).slice(1, -1);
    unknown.push({ path: '', rule: `unknown placeholder ${placeholder} on line ${lineAt(text, offset)}; only {{localBaseUrl}} is filled in` });
    return placeholder;
  });
  if (unknown.length > 0) throw invalidDescriptor(unknown, 'Invalid descriptor template');
  const descriptor = frozenJsonCopy(parseJson(filled));
  assertValidDescriptor(descriptor);
  return descriptor;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidDescriptor([{ path: '', rule: `must be JSON (${(error as Error).message})` }], 'Invalid descriptor template');
  }
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
