import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { answerProblems, slugOf, type Answers } from '../new/answers';
import { gatherAnswers, type GivenFlags } from '../new/gather';
import { npmInstall } from '../new/npm-install';
import { terminalAsker } from '../new/prompt';
import { planProject, writeProject } from '../new/scaffold';
import { templateManifest, templateNames } from '../new/templates';
import { packageVersion } from '../version';
import { print } from '../print';

const USAGE = `Usage: hipchat-connect new <dir> [options]

Creates an add-on project in <dir> (a new or empty folder) from a template, then runs npm install in it.
On a terminal it asks for what the flags leave out; otherwise it takes the defaults shown below.

Options:
  --template <name>      addon (default), express-app or notifier
  --key <key>            the add-on's key (default com.example.<dir>): letters, digits, "_", "-", "."
  --name <name>          the name HipChat shows (default: from <dir>)
  --description <text>   one line about it
  --scopes <a,b>         the scopes it asks for (default: those its template uses)
  --vendor-name <name>   who makes it, with --vendor-url <url> (default: no vendor)
  --vendor-url <url>
  --from <path>          depend on a local hipchat-connect (a checkout or an npm pack tarball)
                         instead of ^<this version> from the registry
  --no-install           write the files, skip npm install
  -y, --yes              ask nothing, even on a terminal
  -h, --help             show this help

Exit codes: 0 created, 1 refused (nothing written) or npm install failed (files kept), 2 a usage mistake.`;

/** `hipchat-connect new`: checks everything before it writes anything, so a refusal leaves no trace. */
export async function run(args: string[]): Promise<number> {
  let parsed: { flags: GivenFlags; install: boolean; ask: boolean } | 'help';
  try {
    parsed = parse(args);
  } catch (error) {
    return print(process.stderr, `${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (parsed === 'help') return print(process.stdout, USAGE, 0);

  const templates = templateNames();
  const asker = parsed.ask && process.stdin.isTTY ? terminalAsker() : undefined;
  let answers: Answers;
  try {
    answers = await gatherAnswers(parsed.flags, templates, asker);
  } finally {
    asker?.close();
  }
  const problems = [...answerProblems(answers, templates), ...folderProblems(answers.directory), ...fromProblems(answers.from)];
  if (problems.length > 0) return print(process.stderr, `✗ Nothing written:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, 1);
  if (templateManifest(answers.template).tokenOnly) warnUnused(parsed.flags, answers.template);

  const directory = path.resolve(answers.directory);
  const written = await writeProject(directory, await planProject(answers.template), placeholders(answers));
  process.stdout.write(`✓ Created ${answers.template} project "${answers.name}" in ${directory} (${written.length} files)\n`);
  const relative = path.relative(process.cwd(), directory);
  const cd = relative === '' ? [] : [`cd ${shellWord(relative)}`];
  if (parsed.install && !(await npmInstall(directory))) {
    return print(process.stderr, `✗ npm install failed; the files are kept. Fix what npm said, then:\n  ${[...cd, 'npm install'].join(' && ')}`, 1);
  }
  const next = [...cd, ...(parsed.install ? [] : ['npm install']), 'npm run dev', 'npm test'];
  return print(process.stdout, `\nNext:\n${next.map((command) => `  ${command}`).join('\n')}`, 0);
}

function parse(args: string[]): { flags: GivenFlags; install: boolean; ask: boolean } | 'help' {
  const text = { type: 'string' } as const;
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      template: text, key: text, name: text, description: text, scopes: text, 'vendor-name': text, 'vendor-url': text, from: text,
      'no-install': { type: 'boolean', default: false }, yes: { type: 'boolean', short: 'y', default: false }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new Error(`One folder, please: got ${positionals.join(', ')}.`);
  const flags: GivenFlags = {
    directory: positionals[0], template: values.template, key: values.key, name: values.name, description: values.description,
    vendorName: values['vendor-name'], vendorUrl: values['vendor-url'], scopes: values.scopes, from: values.from,
  };
  if (flags.directory === undefined && !(process.stdin.isTTY && !values.yes)) throw new Error('Missing the folder: hipchat-connect new <dir>.');
  return { flags, install: !values['no-install'], ask: !values.yes };
}

function folderProblems(directory: string): string[] {
  if (!existsSync(directory)) return [];
  if (!statSync(directory).isDirectory()) return [`${directory} exists and is not a folder`];
  return readdirSync(directory).length === 0 ? [] : [`${directory} exists and is not empty: choose a new folder, or empty this one`];
}

function fromProblems(from: string | undefined): string[] {
  if (from === undefined) return [];
  if (!existsSync(from)) return [`--from ${from}: no such file or folder`];
  const isPackage = statSync(from).isDirectory() ? existsSync(path.join(from, 'package.json')) : /\.(tgz|tar\.gz)$/.test(from);
  return isPackage ? [] : [`--from ${from}: neither a folder with a package.json nor an npm pack tarball (.tgz)`];
}

function placeholders(answers: Answers): Record<string, string | string[] | undefined> {
  return {
    packageName: slugOf(answers.directory), key: answers.key, name: answers.name, description: answers.description,
    vendorName: answers.vendorName, vendorUrl: answers.vendorUrl, scopes: answers.scopes,
    hipchatConnect: answers.from === undefined ? `^${packageVersion()}` : `file:${path.resolve(answers.from)}`,
  };
}

const INSTALL_ONLY_FLAGS = { key: '--key', scopes: '--scopes', vendorName: '--vendor-name', vendorUrl: '--vendor-url' } as const;

function warnUnused(flags: GivenFlags, template: string): void {
  const unused = Object.entries(INSTALL_ONLY_FLAGS).filter(([field]) => flags[field as keyof typeof INSTALL_ONLY_FLAGS] !== undefined).map(([, flag]) => flag);
  if (unused.length > 0) process.stderr.write(`Note: the ${template} template is never installed, so it has no use for ${unused.join(', ')}.\n`);
}

/** A path as one word for a POSIX shell, quoted only when it must be, so the printed commands can be pasted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
