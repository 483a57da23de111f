import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { filesUnder } from '../../support/repository-files';

/**
 * Every name the package exports is one a user can be shown: a TypeScript example of the docs or a test
 * imports it by name from the package (`import { X } from 'hipchat-connect'`, or `import('hipchat-connect').X`
 * in a type). A name nothing outside the package names is not part of its API, so it is not exported
 * (docs/architecture.md#the-public-entries).
 */
const root = path.join(__dirname, '..', '..', '..');

const ENTRIES: Record<string, string> = {
  'hipchat-connect': 'lib/index.ts',
  'hipchat-connect/testing': 'lib/testing.ts',
  'hipchat-connect/emulator': 'lib/emulator/index.ts',
};

/** The names an entry exports, values and types alike, as the compiler sees them. */
function exportedNames(): Map<string, string[]> {
  const files = Object.values(ENTRIES).map((file) => path.join(root, file));
  const program = ts.createProgram(files, { strict: true, skipLibCheck: true, noEmit: true, allowJs: true });
  const checker = program.getTypeChecker();
  return new Map(Object.entries(ENTRIES).map(([entry, file]) => {
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(path.join(root, file))!)!;
    return [entry, checker.getExportsOfModule(symbol).map((exported) => exported.getName()).sort()];
  }));
}

/** The code a user reads: the docs' and README's TypeScript blocks, and every test and template source. */
function userCode(): string[] {
  const pages = [path.join(root, 'README.md'), ...filesUnder('docs', '.md')];
  const blocks = pages.flatMap((page) => [...readFileSync(page, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!));
  const sources = [...filesUnder('test', '.ts'), ...filesUnder('templates', '.ts')].map((file) => readFileSync(file, 'utf8'));
  return [...blocks, ...sources];
}

/** `X` of `import('entry').X.Member.Deeper`: the name the entry exports. */
function importedName(qualifier: ts.EntityName): string {
  return ts.isIdentifier(qualifier) ? qualifier.text : importedName(qualifier.left);
}

/** Names imported by name from each entry: import and export declarations, and `import('entry').Name` types. */
function namesUsedByEntry(code: readonly string[]): Map<string, Set<string>> {
  const used = new Map(Object.keys(ENTRIES).map((entry) => [entry, new Set<string>()]));
  for (const text of code) {
    const source = ts.createSourceFile('user.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const names = used.get(node.moduleSpecifier.text);
        const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
        if (names && bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) {
          for (const element of bindings.elements) names.add((element.propertyName ?? element.name).text);
        }
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal) && node.qualifier) {
        used.get(node.argument.literal.text)?.add(importedName(node.qualifier));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

const exported = exportedNames();
const used = namesUsedByEntry(userCode());

it('reads the exports of every entry', () => {
  expect(exported.get('hipchat-connect')).toEqual(expect.arrayContaining(['createAddon', 'Addon', 'MemoryStore']));
  expect(exported.get('hipchat-connect/testing')).toEqual(expect.arrayContaining(['fakeInstallation']));
  expect(exported.get('hipchat-connect/emulator')).toEqual(expect.arrayContaining(['startEmulator']));
});

it.each(Object.keys(ENTRIES))('every name %s exports is used by name in a doc example or a test', (entry) => {
  const unused = exported.get(entry)!.filter((name) => !used.get(entry)!.has(name));
  if (unused.length > 0) {
    throw new Error(`${entry} exports ${unused.length} name(s) no doc example or test imports by name from it: ${unused.join(', ')}.\n`
      + `Show each in a docs/ example (or a test) that imports it from '${entry}', or stop exporting it from ${ENTRIES[entry]}.`);
  }
});
