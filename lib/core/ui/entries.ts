import { ConnectError, invalidOption } from '../../errors';
import type { Action, AdminPage, Configurable, Dialog, DialogButton, DialogOptions, ExternalPage, Glance, Icon, I18NValue, WebPanel } from '../descriptor';
import { frozenJsonCopy } from '../descriptor/frozen';
import { resolveModules, type DescriptorModules } from '../descriptor/resolve-modules';
import { urlResolver } from '../descriptor/urls';
import { problemsWith, type SchemaProblem } from '../schemas';
import type {
  ActionOptions, AdminPageOptions, ConfigurableOptions, DialogButtonOptions, DialogDeclaration, DialogOptionsInput,
  ExternalPageOptions, GlanceOptions, IconSource, Text, WebPanelOptions,
} from './declarations';

/**
 * Declaration options in, descriptor entries out (URLs still relative), each checked against its part of
 * the descriptor schema at once, so a mistake fails where it was made and the error names the option.
 * The rest of the options is spread into the entry rather than picked field by field: a misspelt member
 * then reaches the closed schema and is refused, instead of vanishing. (`url` is taken out first: the
 * page's URL is the one `pageUrl` chose.)
 */
export const glanceEntry = (key: string, { name, icon, ...rest }: GlanceOptions, queryUrl: string | undefined): Glance =>
  checked('glance', subjectOf('glance', key), { key, name: text(name), icon: iconOf(icon), queryUrl, ...rest });

export const webPanelEntry = (key: string, { name, icon, location, url: _chosen, ...rest }: WebPanelOptions, url: string): WebPanel =>
  checked('webPanel', subjectOf('webPanel', key), { key, name: text(name), url, location: location ?? 'hipchat.sidebar.right', icon: icon === undefined ? undefined : iconOf(icon), ...rest });

export const dialogEntry = (key: string, { title, options, url: _chosen, ...rest }: DialogDeclaration, url: string): Dialog =>
  checked('dialog', subjectOf('dialog', key), { key, title: text(title), url, options: options && dialogOptions(options), ...rest });

export const actionEntry = (key: string, { name, ...rest }: ActionOptions): Action =>
  checked('action', subjectOf('action', key), { key, name: text(name), ...rest } as Action);

export const externalPageEntry = (key: string, { name, url: _chosen, ...rest }: ExternalPageOptions, url: string): ExternalPage =>
  checked('externalPage', subjectOf('externalPage', key), { key, name: name === undefined ? undefined : text(name), url, ...rest });

export const configurableEntry = (options: ConfigurableOptions, url: string): Configurable =>
  checked('configurable', 'configurable', { ...options, url });

export const adminPageEntry = (options: AdminPageOptions, url: string): AdminPage => checked('adminPage', 'adminPage', { ...options, url });

export const subjectOf = (kind: string, key: string) => `${kind}(${JSON.stringify(key)})`;

/**
 * A page module's URL: the author's own, or the one the add-on serves the handler at; exactly one of
 * the two, so a page is never declared twice or not at all.
 */
export function pageUrl(subject: string, url: string | undefined, handler: unknown, servedAt: string): string {
  if (handler !== undefined && typeof handler !== 'function') throw invalidOption(`${subject} handler`, 'a function');
  if (url !== undefined && handler !== undefined) throw invalidOption(`${subject}.url`, 'left out when a handler serves the page');
  if (url === undefined && handler === undefined) throw invalidOption(`${subject}.url`, 'given, or a handler passed to serve the page');
  return url ?? servedAt;
}

const text = (value: Text): I18NValue => (typeof value === 'string' ? { value } : value);
const iconOf = (icon: IconSource): Icon => (typeof icon === 'string' ? { url: icon, 'url@2x': icon } : icon);

function dialogOptions({ hint, filter, primaryAction, secondaryActions, ...rest }: DialogOptionsInput): DialogOptions {
  return {
    ...rest,
    hint: hint === undefined ? undefined : text(hint),
    filter: filter && { ...filter, placeholder: text(filter.placeholder) },
    primaryAction: primaryAction && button(primaryAction),
    secondaryActions: secondaryActions?.map(button),
  };
}

const button = ({ name, ...rest }: DialogButtonOptions): DialogButton => ({ ...rest, name: text(name) });

type Kind = keyof DescriptorModules;

/** Relative URLs are resolved against a stand-in base first: the schema wants absolute ones. */
const STAND_IN_BASE = urlResolver('https://addon.invalid');

function checked<T extends object>(kind: Kind, subject: string, entry: T): T {
  const single = kind === 'configurable' || kind === 'adminPage';
  const resolved = resolveModules({ [kind]: single ? entry : [entry] } as DescriptorModules, STAND_IN_BASE)[kind];
  const problems = problemsWith(`descriptor#/$defs/${kind}`, frozenJsonCopy(single ? resolved : (resolved as unknown[])[0]));
  if (problems.length > 0) throw invalidDeclaration(subject, problems);
  return entry;
}

function invalidDeclaration(subject: string, problems: SchemaProblem[]): ConnectError {
  const options = problems.map((problem) => `${subject}${problem.path.replace(/\//g, '.')}`);
  const message = problems.map((problem, index) => `options.${options[index]} ${problem.rule}`).join('; ');
  return new ConnectError('OPTION_INVALID', message, { details: { option: options[0], problems } });
}
