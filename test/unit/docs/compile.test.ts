import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every TypeScript example of every docs page is compiled against the real public API, so a doc cannot
 * show a call that does not exist or takes other arguments. Each block is a module of its own, importing
 * from 'hipchat-connect' as a user would; names a block uses without declaring (`addon`, `client`,
 * `card`) are given by the prelude below. A block marked `<!-- example: file -->` is that file, which is
 * type-checked (and run) where it lives, so it is left out here, as is one marked `<!-- not compiled:
 * reason -->` (a block that imports the reader's own files), and one marked `<!-- set-up file: path -->`,
 * which test/integration/package/tarball.test.ts compiles and runs in a project of its own.
 */
const root = path.join(__dirname, '..', '..', '..');
const PAGES = readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`);

const PRELUDE: Record<string, string> = {
  addon: "declare const addon: import('hipchat-connect').Addon;",
  installation: "declare const installation: import('hipchat-connect').Installation;",
  payload: 'declare const payload: unknown;',
  claims: "declare const claims: import('hipchat-connect').Claims;",
  // The repository's own test helper, which docs/emulator.md describes.
  startCheckedEmulator: "declare function startCheckedEmulator(): Promise<import('hipchat-connect/emulator').Emulator & { assertContract(): void; takeViolations(): Array<{ where: 'request' | 'response' }> }>;",
  client: "declare const client: import('hipchat-connect').InstallationClient;",
  card: "declare const card: import('hipchat-connect').Card;",
  emulator: "declare const emulator: import('hipchat-connect/emulator').Emulator;",
};

function examples(page: string): Array<{ name: string; code: string }> {
  const markdown = readFileSync(path.join(root, page), 'utf8');
  const blocks = [...markdown.matchAll(/(<!-- (?:example: \S+|not compiled: [^>]+|set-up file: \S+) -->\s*)?^```ts\n([\s\S]*?)^```$/gm)].filter((match) => !match[1]).map((match) => match[2]!);
  return blocks.map((block, index) => {
    const prelude = Object.entries(PRELUDE).filter(([name]) => uses(block, name) && !declares(block, name)).map(([, line]) => line);
    return { name: path.join(root, `${page}.example-${index + 1}.ts`), code: [...prelude, block, 'export {};'].join('\n') };
  });
}

const uses = (block: string, name: string) => new RegExp(`\\b${name}\\b`).test(block);
const declares = (block: string, name: string) => new RegExp(`\\b(?:const|let|function)\\s+${name}\\b`).test(block);

function diagnosticsOf(files: Array<{ name: string; code: string }>): string[] {
  const options: ts.CompilerOptions = {
    strict: true, noUncheckedIndexedAccess: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, skipLibCheck: true, noEmit: true,
    types: ['node', 'jest'], baseUrl: root, paths: { 'hipchat-connect': ['lib/index.ts'], 'hipchat-connect/testing': ['lib/testing.ts'], 'hipchat-connect/emulator': ['lib/emulator/index.ts'] },
  };
  const virtual = new Map(files.map((file) => [file.name, file.code]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  host.getSourceFile = (name, language, ...rest) =>
    virtual.has(name) ? ts.createSourceFile(name, virtual.get(name)!, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(root, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

it('the TypeScript examples of the docs compile against the public API', () => {
  const files = PAGES.flatMap(examples);
  expect(files.length).toBeGreaterThan(10);
  expect(diagnosticsOf(files)).toEqual([]);
}, 60_000);
