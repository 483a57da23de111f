import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The folders of lib/ import in one direction, as docs/architecture.md draws them. The page's table is
 * the rule: this reads it, reads every import in lib/ with TypeScript's own pre-processor (type-only
 * imports and `export … from` count too), and names each import the table does not allow.
 */
const root = path.join(__dirname, '..', '..', '..');
const lib = path.join(root, 'lib');
const page = 'docs/architecture.md';

/** The folder of lib/ a file belongs to (`core/`), or the file itself when it sits at the top (`addon.ts`). */
function unitOf(file: string): string {
  const [first, ...rest] = path.relative(lib, file).split(path.sep);
  return rest.length > 0 ? `${first}/` : first!;
}

function readRules(): Map<string, Set<string>> {
  const text = readFileSync(path.join(root, page), 'utf8');
  const table = text.split('<!-- import rules')[1]?.split('\n\n')[0] ?? '';
  const rows = table.split('\n').filter((line) => line.startsWith('| `'));
  return new Map(rows.map((row) => {
    const [unit, allowed = ''] = row.split('|').slice(1, 3).map((cell) => cell.trim());
    return [unit!.replace(/`/g, ''), new Set([...allowed.matchAll(/`([^`]+)`/g)].map((match) => match[1]!))];
  }));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Where a relative specifier lands: a file (with its extension added) or a folder's index. */
function resolve(from: string, specifier: string): string {
  const target = path.resolve(path.dirname(from), specifier);
  for (const candidate of [target, `${target}.ts`, `${target}.js`, path.join(target, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return target;
}

interface Import {
  file: string;
  specifier: string;
  from: string;
  to: string;
}

function importsAcrossUnits(): Import[] {
  return sourceFiles(lib).flatMap((file) => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles
    .filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => ({ file: path.relative(root, file), specifier: fileName, from: unitOf(file), to: unitOf(resolve(file, fileName)) }))
    .filter(({ from, to }) => from !== to));
}

const rules = readRules();

it(`reads the import rules from ${page}`, () => {
  expect(rules.get('core/')).toEqual(new Set(['errors.ts', 'logger.ts', 'log-lines.ts']));
  expect(rules.size).toBeGreaterThan(10);
});

it('has a rule for every folder and top-level file of lib/, and none for one that is gone', () => {
  const units = new Set(sourceFiles(lib).map(unitOf));
  const missing = [...units].filter((unit) => !rules.has(unit)).map((unit) => `lib/${unit} has no row in ${page}: add one saying what it may import`);
  const named = [...rules].flatMap(([unit, allowed]) => [unit, ...allowed]);
  const gone = [...new Set(named)].filter((unit) => !units.has(unit)).map((unit) => `${page} names lib/${unit}, which has no TypeScript file`);
  expect([...missing, ...gone]).toEqual([]);
});

it('imports only what the rules allow', () => {
  const broken = importsAcrossUnits()
    .filter(({ from, to }) => rules.has(from) && !rules.get(from)!.has(to))
    .map(({ file, specifier, from, to }) =>
      `${file} imports '${specifier}' (${to}), but ${page} lets ${from} import only: ${[...rules.get(from)!].join(', ') || 'nothing'}`);
  expect(broken).toEqual([]);
});
