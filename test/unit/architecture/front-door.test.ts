import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { filesUnder } from '../../support/repository-files';

/**
 * Integration and example tests use the package as its users do, by name ('hipchat-connect',
 * '/testing', '/emulator'). They reach inside lib/ only for what has no front door, each such module
 * named here with why; anything else they need from lib/ is either public (export it, with a doc
 * example) or belongs in a unit test (docs/architecture.md#the-public-entries).
 */
const root = path.join(__dirname, '..', '..', '..');

const BEHIND_THE_FRONT_DOOR: Record<string, string> = {
  'lib/demo/weather': 'the example add-on the README and `hipchat-connect demo` run: the repository\'s, not the package API',
  'lib/cli/': 'the command line, run inside the test process for its exit codes and output',
  'lib/stores/redis-layout': 'the Redis key layout, which the store and migration tests read off Redis itself',
  'lib/stores/secret-keys': 'which key sealed a stored secret, which the rotation tests check and an add-on never asks',
  'lib/core/schemas': 'the project\'s JSON Schemas, against which the emulator\'s own documents are checked',
  'lib/core/host/oauth': 'the add-on\'s token request, tested against the emulator as the host',
  'lib/core/install/capabilities': 'the add-on\'s read of a host\'s capabilities, tested against the emulator',
  'lib/core/jwt/extract': 'reading a delivered request\'s token the way the add-on does',
  'lib/core/jwt/page-token': 'page tokens issued as a page is, to call the add-on\'s own routes with',
  'lib/core/webhook/receive': 'the length a pattern is matched over, tested at its edge',
  'lib/emulator/loopback': 'the emulator\'s loopback rule, used to check where a test\'s host connected',
  'lib/dev/tunnel/agent': 'dev\'s reading of an ngrok agent\'s API, against a loopback stand-in of it',
  'lib/dev/port': 'dev\'s free-port reservation, for the ngrok stand-in',
};

/** The lib/ modules a file imports by a relative path, as paths from the root without extension. */
function libImports(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/'))
    .filter((target) => target.startsWith('lib/'));
}

/** Whether a listed module (a file, or a folder when it ends with `/`) is the import's target or holds it. */
const covers = (module: string, target: string) => (module.endsWith('/') ? target.startsWith(module) : target === module);
const files = [...filesUnder('test/integration', '.ts'), ...filesUnder('test/examples', '.ts')];
const reached = files.map((file) => ({ file, targets: libImports(file) }));

it('integration and example tests reach into lib/ only for what has no front door', () => {
  expect(files.length).toBeGreaterThan(80);
  const strays = reached.flatMap(({ file, targets }) => targets.filter((target) => !Object.keys(BEHIND_THE_FRONT_DOOR).some((module) => covers(module, target)))
    .map((target) => `${path.relative(root, file)} imports ${target}: import it from 'hipchat-connect' (export it, with a doc example, if it is API) or test it in test/unit`));
  expect(strays).toEqual([]);
});

it('names only modules some test still reaches', () => {
  const targets = reached.flatMap((each) => each.targets);
  const unused = Object.keys(BEHIND_THE_FRONT_DOOR).filter((module) => !targets.some((target) => covers(module, target)));
  expect(unused).toEqual([]);
});
