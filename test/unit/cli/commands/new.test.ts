import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../../../lib/cli/commands/new';
import { runCommand } from '../../../support/cli';

const create = (...args: string[]) => runCommand(run, ...args);
const version = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')).version as string;

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'hipchat-connect-new-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const target = (name: string) => path.join(folder, name);
const read = (...parts: string[]) => readFileSync(path.join(...parts), 'utf8');

describe('hipchat-connect new: refusals, each exit 1 with nothing written', () => {
  it.each([
    ['a key with a colon', ['--key', 'com.example:bad'], /--key "com.example:bad" must match pattern/],
    ['a key of 81 characters', ['--key', 'k'.repeat(81)], /--key "k+" must NOT have more than 80 characters/],
    ['an unknown template', ['--template', 'nope'], /--template "nope" is not one of addon, express-app, notifier/],
    ['an unknown scope', ['--scopes', 'send_notification,read_minds'], /--scopes: read_minds not among send_notification/],
    ['a name on two lines', ['--name', 'Two\nlines'], /--name must be one non-empty line/],
    ['a vendor name on two lines', ['--vendor-name', 'A\nB', '--vendor-url', 'https://acme.example'], /--vendor-name must be one non-empty line/],
    ['a vendor without its URL', ['--vendor-name', 'Acme'], /--vendor-name and --vendor-url go together/],
    ['a vendor URL that is not one', ['--vendor-name', 'Acme', '--vendor-url', 'acme.example'], /--vendor-url must match pattern/],
    ['a --from that is not there', ['--from', '/no/such/build.tgz'], /--from \/no\/such\/build.tgz: no such file or folder/],
  ])('%s', async (_case, flags, message) => {
    const directory = target(`refused-${Math.random().toString(36).slice(2)}`);
    const outcome = await create(directory, '--no-install', ...flags);
    expect(outcome).toMatchObject({ code: 1, stdout: '' });
    expect(outcome.stderr).toMatch(/^✗ Nothing written:/);
    expect(outcome.stderr).toMatch(message);
    expect(existsSync(directory)).toBe(false);
  });

  it('a folder that exists and is not empty: left as it was', async () => {
    const directory = target('not-empty');
    mkdirSync(directory);
    writeFileSync(path.join(directory, 'notes.txt'), 'mine');
    const outcome = await create(directory, '--no-install');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('exists and is not empty');
    expect(readdirSync(directory)).toEqual(['notes.txt']);
    expect(read(directory, 'notes.txt')).toBe('mine');
  });

  it('names every problem at once', async () => {
    const outcome = await create(target('many'), '--no-install', '--template', 'nope', '--name', ' ');
    expect(outcome.stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(2);
  });
});

describe('hipchat-connect new: usage mistakes, exit 2', () => {
  it.each([[['--no-such-flag', 'x']], [[]], [['one', 'two']]])('%j', async (args) => {
    const outcome = await create(...args);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('Usage: hipchat-connect new <dir>');
  });

  it('--help is exit 0, on stdout', async () => {
    expect(await create('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Exit codes: 0 created') });
  });
});

describe('hipchat-connect new --no-install', () => {
  it('writes the addon template with its placeholders filled, and prints the next commands', async () => {
    const directory = target('Acme Greeter');
    const outcome = await create(directory, '--no-install', '--key', 'com.acme.greeter', '--name', "Acme's \\ Greeter", '--vendor-name', 'Acme', '--vendor-url', 'https://acme.example');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/Next:\n {2}cd '.*Acme Greeter'\n {2}npm install\n {2}npm run dev\n {2}npm test\n$/);

    const addon = read(directory, 'src', 'identity.ts');
    expect(addon).toContain("key: 'com.acme.greeter',");
    expect(addon).toContain("name: 'Acme\\'s \\\\ Greeter',"); // a TypeScript string that says what was typed
    expect(addon).toContain("vendor: { name: 'Acme', url: 'https://acme.example' },");
    expect(addon).toContain("scopes: ['send_notification', 'view_room'],");
    const manifest = JSON.parse(read(directory, 'package.json'));
    expect(manifest).toMatchObject({ name: 'acme-greeter', dependencies: { 'hipchat-connect': `^${version}` } });
    expect(manifest.scripts).toMatchObject({ dev: 'hipchat-connect dev', build: expect.any(String), start: expect.any(String), test: expect.any(String) });
    expect(read(directory, '.gitignore')).toContain('.hipchat-connect/');
    expect(existsSync(path.join(directory, 'template.json'))).toBe(false);
    expect(existsSync(path.join(directory, 'src', 'store.ts'))).toBe(true); // from the _store layer
  });

  it('leaves the vendor out when none is given, and takes --scopes and --from', async () => {
    const directory = target('plain');
    const build = target('a-build');
    mkdirSync(build);
    writeFileSync(path.join(build, 'package.json'), '{"name":"hipchat-connect"}');
    expect((await create(directory, '--no-install', '--scopes', 'send_notification view_group', '--from', build)).code).toBe(0);
    const addon = read(directory, 'src', 'identity.ts');
    expect(addon).not.toContain('vendor:');
    expect(addon).toContain("scopes: ['send_notification', 'view_group'],");
    expect(JSON.parse(read(directory, 'package.json')).dependencies['hipchat-connect']).toBe(`file:${build}`);
  });

  it('writes into an empty folder that exists', async () => {
    const directory = target('empty');
    mkdirSync(directory);
    expect((await create(directory, '--no-install', '--template', 'express-app')).code).toBe(0);
    expect(read(directory, 'src', 'app.ts')).toContain('app.use(addon.router)');
  });

  it('the notifier: no key or scopes to ask for, and a note for flags it has no use for', async () => {
    const outcome = await create(target('notes'), '--no-install', '--template', 'notifier', '--key', 'com.example.notes');
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain('the notifier template is never installed, so it has no use for --key');
    expect(JSON.parse(read(target('notes'), 'package.json')).scripts.dev).toContain('dist/dev.js');
  });
});
