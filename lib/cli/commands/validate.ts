import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isConnectError } from '../../errors';
import { countModules, descriptorFromTemplate } from '../../core/descriptor';
import type { SchemaProblem } from '../../core/schemas';
import { print } from '../print';

const DEFAULT_BASE_URL = 'http://localhost:3000';
const FETCH_TIMEOUT_MS = 10_000;

const USAGE = `Usage: hipchat-connect validate <file-or-url> [--base-url URL]

Checks a capabilities descriptor against the schema and the cross-module rules (unique module keys,
targets that name a webPanel, dialog or externalPage). <file-or-url> is a JSON file, an
atlassian-connect.json template with {{localBaseUrl}} placeholders, or an http(s) URL serving a descriptor.

Options:
  --base-url URL   the value of {{localBaseUrl}} in a template (default ${DEFAULT_BASE_URL})
  -h, --help       show this help`;

/** Exit code 0 when valid, 1 when invalid or unreadable, 2 for a usage mistake. */
export async function run(args: string[]): Promise<number> {
  const parsed = parse(args);
  if (parsed.kind === 'help') return print(process.stdout, USAGE, 0);
  if (parsed.kind === 'mistake') return print(process.stderr, `${parsed.message}\n\n${USAGE}`, 2);

  let text: string;
  try {
    text = await load(parsed.source);
  } catch (error) {
    return print(process.stderr, `✗ ${parsed.source}: ${(error as Error).message}`, 1);
  }
  try {
    const descriptor = descriptorFromTemplate(text, { localBaseUrl: parsed.baseUrl });
    const modules = countModules(descriptor);
    return print(process.stdout, `✓ ${descriptor.key}: valid descriptor (${modules} module${modules === 1 ? '' : 's'})`, 0);
  } catch (error) {
    if (!isConnectError(error, 'DESCRIPTOR_INVALID')) throw error;
    // lib/core/descriptor always attaches the problems it found to DESCRIPTOR_INVALID.
    const problems = (error.details?.problems ?? []) as SchemaProblem[];
    const lines = problems.map((problem) => `${problem.path || '/'}: ${problem.rule}`);
    return print(process.stdout, [`✗ ${parsed.source}: invalid descriptor`, ...lines].join('\n'), 1);
  }
}

type Invocation = { kind: 'check'; source: string; baseUrl: string } | { kind: 'help' } | { kind: 'mistake'; message: string };

function parse(args: string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'base-url': { type: 'string', default: DEFAULT_BASE_URL }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return { kind: 'mistake', message: (error as Error).message };
  }
  if (parsed.values.help) return { kind: 'help' };
  const [source, ...extra] = parsed.positionals;
  if (source === undefined) return { kind: 'mistake', message: 'Missing <file-or-url>.' };
  if (extra.length > 0) return { kind: 'mistake', message: `Unexpected argument: ${extra.join(' ')}` };
  return { kind: 'check', source, baseUrl: parsed.values['base-url'] };
}

async function load(source: string): Promise<string> {
  if (!/^https?:\/\//i.test(source)) return readFile(source, 'utf8');
  let response: Response;
  try {
    response = await fetch(source, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new Error(timedOut ? `no answer within ${FETCH_TIMEOUT_MS} ms` : `could not be fetched (${String(error)})`);
  }
  if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
  return response.text();
}
