import path from 'node:path';
import { descriptorProblems } from '../../core/descriptor';
import type { Scope } from '../../core/descriptor';
import { SCOPES } from '../../core/options';

/** What `new` needs to know to write a project; flags and prompts fill it in, `validateAnswers` checks it. */
export interface Answers {
  directory: string;
  template: string;
  key: string;
  name: string;
  description: string;
  vendorName: string | undefined;
  vendorUrl: string | undefined;
  scopes: Scope[];
  /** A local build of hipchat-connect (a folder or an `npm pack` tarball) instead of the registry's. */
  from: string | undefined;
}

/** A folder name made into something npm and a descriptor key accept: `My Add-on` → `my-add-on`. */
export function slugOf(directory: string): string {
  const slug = path.basename(path.resolve(directory)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return slug || 'hipchat-addon';
}

export function defaultKey(directory: string): string {
  return `com.example.${slugOf(directory)}`;
}

export function defaultName(directory: string): string {
  return slugOf(directory).split(/[-._]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

export function parseScopes(list: string): string[] {
  return list.split(/[\s,]+/).filter((scope) => scope !== '');
}

/**
 * Every problem with the answers, in words that name the flag; empty when `new` may write. The key,
 * name, description and vendor are checked against the descriptor schema the add-on will be served by.
 */
export function answerProblems(answers: Omit<Answers, 'scopes'> & { scopes: readonly string[] }, templates: readonly string[]): string[] {
  const problems: string[] = [];
  if (!templates.includes(answers.template)) problems.push(`--template "${answers.template}" is not one of ${templates.join(', ')}`);
  const lines = [['--name', answers.name], ['--description', answers.description], ['--vendor-name', answers.vendorName]] as const;
  for (const [flag, value] of lines) {
    if (value !== undefined && (value.trim() === '' || /[\r\n]/.test(value))) problems.push(`${flag} must be one non-empty line`);
  }
  if ((answers.vendorName === undefined) !== (answers.vendorUrl === undefined)) problems.push('--vendor-name and --vendor-url go together');
  const unknownScopes = answers.scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope));
  if (unknownScopes.length > 0) problems.push(`--scopes: ${unknownScopes.join(', ')} not among ${SCOPES.join(', ')}`);
  if (answers.scopes.length === 0) problems.push('--scopes must name at least one scope');
  // The descriptor's rules last, leaving out a flag already named above ("--name" empty, say).
  const named = (problem: string) => problems.some((earlier) => earlier.split(' ', 1)[0] === problem.split(' ', 1)[0]);
  return [...problems, ...descriptorRuleProblems(answers).filter((problem) => !named(problem))];
}

const FLAG_OF: Record<string, string> = { '/key': '--key', '/name': '--name', '/description': '--description', '/vendor/name': '--vendor-name', '/vendor/url': '--vendor-url' };

function descriptorRuleProblems(answers: Pick<Answers, 'key' | 'name' | 'description' | 'vendorName' | 'vendorUrl'>): string[] {
  const descriptor = {
    key: answers.key, name: answers.name, description: answers.description,
    links: { self: 'https://example.com/atlassian-connect.json' },
    ...(answers.vendorName === undefined || answers.vendorUrl === undefined ? {} : { vendor: { name: answers.vendorName, url: answers.vendorUrl } }),
  };
  return descriptorProblems(descriptor).map(({ path: pointer, rule }) => {
    const flag = FLAG_OF[pointer] ?? pointer;
    const value = pointer === '/key' ? ` "${answers.key}"` : '';
    return `${flag}${value} ${rule} (the descriptor's rule)`;
  });
}
