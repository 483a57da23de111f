import type { Scope } from '../../core/descriptor';
import { SCOPES } from '../../core/options';
import { answerProblems, defaultKey, defaultName, parseScopes, type Answers } from './answers';
import type { Asker } from './prompt';
import { templateManifest } from './templates';

/** The flags of `new` as parsed, before defaults: undefined where the user said nothing. */
export interface GivenFlags {
  directory: string | undefined;
  template: string | undefined;
  key: string | undefined;
  name: string | undefined;
  description: string | undefined;
  vendorName: string | undefined;
  vendorUrl: string | undefined;
  scopes: string | undefined;
  from: string | undefined;
}

const DEFAULT_TEMPLATE = 'addon';

/**
 * The answers from the flags, with a question for each one missing when there is an asker (a terminal),
 * and the defaults otherwise. A token-only template is never asked for a key, scopes or vendor.
 */
export async function gatherAnswers(flags: GivenFlags, templates: readonly string[], asker: Asker | undefined): Promise<Answers> {
  const directory = flags.directory ?? (await asker?.text('Folder of the new project', 'my-addon')) ?? 'my-addon';
  const template = flags.template ?? (await asker?.choose('Template', templates.map((name) => ({ name, summary: templateManifest(name).summary })), DEFAULT_TEMPLATE)) ?? DEFAULT_TEMPLATE;
  const manifest = templates.includes(template) ? templateManifest(template) : undefined;
  const ask = async (given: string | undefined, question: string, fallback: string, check?: (answer: string) => string | undefined) =>
    given ?? (asker ? asker.text(question, fallback, check) : fallback);
  const checked = (answersWith: (answer: string) => Partial<Answers>) => (answer: string) =>
    answerProblems({ ...sample(directory), ...answersWith(answer) }, templates)[0];

  const name = await ask(flags.name, 'Name, as HipChat shows it', defaultName(directory), checked((answer) => ({ name: answer })));
  const description = await ask(flags.description, 'Description, one line', manifest?.tokenOnly ? `Notifications from ${name}` : `${name}, a HipChat add-on`, checked((answer) => ({ description: answer })));
  if (manifest?.tokenOnly) {
    return { directory, template, name, description, key: defaultKey(directory), vendorName: undefined, vendorUrl: undefined, scopes: ['send_notification'], from: flags.from };
  }
  const key = await ask(flags.key, 'Key (letters, digits, "_", "-" and ".")', defaultKey(directory), checked((answer) => ({ key: answer })));
  const scopes = parseScopes(await ask(flags.scopes, `Scopes (of ${SCOPES.join(', ')})`, (manifest?.scopes ?? ['send_notification']).join(','),
    checked((answer) => ({ scopes: parseScopes(answer) as Scope[] })))) as Scope[];
  const vendorName = flags.vendorName ?? (asker && flags.vendorUrl === undefined ? (await asker.text('Vendor name (Enter for none)', '')) || undefined : undefined);
  const vendorUrl = flags.vendorUrl ?? (vendorName !== undefined && asker
    ? await asker.text('Vendor URL', '', checked((answer) => ({ vendorName, vendorUrl: answer })))
    : undefined);
  return { directory, template, key, name, description, vendorName, vendorUrl, scopes, from: flags.from };
}

/** Valid answers but one, so that a prompt can check the one it asks with the same rules as the flags. */
function sample(directory: string): Answers {
  return {
    directory, template: DEFAULT_TEMPLATE, key: defaultKey(directory), name: 'n', description: 'd', vendorName: undefined, vendorUrl: undefined,
    scopes: ['send_notification'], from: undefined,
  };
}
