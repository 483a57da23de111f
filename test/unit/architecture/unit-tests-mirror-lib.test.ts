import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * test/unit mirrors lib/: the unit tests of lib/core/webhook/receive.ts are under test/unit/core/webhook/,
 * so a reader finds a file's tests by its path (docs/architecture.md#where-a-concern-lives). Three
 * folders test what is not in lib/: architecture/ and docs/ test the repository, support/ tests
 * test/support's own helpers.
 */
const root = path.join(__dirname, '..', '..', '..');
const unit = path.join(root, 'test', 'unit');
const OF_THE_REPOSITORY: Record<string, string> = { architecture: '', docs: '', support: 'test/support' };

function foldersUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return [full, ...foldersUnder(full)];
  });
}

it('every folder of test/unit names a folder of lib/', () => {
  const strays = foldersUnder(unit).map((folder) => path.relative(unit, folder).split(path.sep)).filter((parts) => {
    const repositoryFolder = OF_THE_REPOSITORY[parts[0]!];
    const mirrored = repositoryFolder === undefined ? path.join(root, 'lib', ...parts) : path.join(root, repositoryFolder, ...parts.slice(1));
    return !existsSync(mirrored);
  }).map((parts) => `test/unit/${parts.join('/')}`);
  expect(strays.map((folder) => `${folder} names no folder of lib/: move its tests to the folder of what they test`)).toEqual([]);
});
