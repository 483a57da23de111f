import { exec } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A newcomer's project, from the packed package in an empty folder: installed as docs/testing.md's
 * set-up says (without ioredis), its files as that page shows them, compiled strictly with
 * `skipLibCheck: false` under each `moduleResolution` a TypeScript user may have, and its tests run by
 * jest and by Node's test runner. The package is packed from the build as it is (`npm run build` first):
 * packing never rebuilds. Installs prefer npm's cache, so a warm machine needs no network.
 */
const root = path.join(__dirname, '..', '..', '..');
const run = promisify(exec);
const NPM_FLAGS = '--prefer-offline --no-audit --no-fund --loglevel=error';

const testingPage = readFileSync(path.join(root, 'docs/testing.md'), 'utf8');
const setUpFiles = [...testingPage.matchAll(/<!-- set-up file: (\S+) -->\s*```\w+\n([\s\S]*?)```/g)].map((match) => [match[1]!, match[2]!] as const);
const commands = (step: string) => [...testingPage.matchAll(/<!-- set-up: (\S+) -->\s*```sh\n([\s\S]*?)```/g)]
  .find((match) => match[1] === step)?.[2]!.split('\n').filter(Boolean) ?? [];
/** The README's "Twenty lines": the first thing a newcomer copies. */
const readmeExample = /## Twenty lines\s*```ts\n([\s\S]*?)```/.exec(readFileSync(path.join(root, 'README.md'), 'utf8'))![1]!;

let folder: string;
let project: string;

async function inProject(command: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, { cwd: project, env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: '' }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/lib/index.d.ts'))) throw new Error('dist/ is missing: run `npm run build` before this test');
  folder = mkdtempSync(path.join(tmpdir(), 'hipchat-connect-tarball-'));
  project = path.join(folder, 'project');
  mkdirSync(project);
  const packed = await run(`npm pack --ignore-scripts --pack-destination ${JSON.stringify(folder)} --loglevel=error`, { cwd: root });
  const tarball = path.join(folder, packed.stdout.trim().split('\n').at(-1)!);
  for (const line of commands('install')) {
    // The package as packed, not the registry's; everything else as the page says.
    const command = line.startsWith('npm install') ? `${line.replace(/\bhipchat-connect\b/, JSON.stringify(tarball))} ${NPM_FLAGS}` : line;
    const step = await inProject(command);
    if (step.code !== 0) throw new Error(`${command} failed:\n${step.output}`);
  }
  for (const [file, text] of setUpFiles) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  }
  writeFileSync(path.join(project, 'src/readme.ts'), readmeExample);
  // res.locals.hipchat is typed after authenticate(): a field it does not have must not compile.
  writeFileSync(path.join(project, 'src/locals.ts'), `import express from 'express';
import type { Installation } from 'hipchat-connect';
import { createHelloAddon } from './addon';
const addon = createHelloAddon();
export const app = express().get('/me', addon.authenticate(), (_req, res) => {
  const installation: Installation = res.locals.hipchat.installation;
  // @ts-expect-error -- not a field of res.locals.hipchat
  res.json({ installation, nope: res.locals.hipchat.nope });
});
`);
}, 600_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

it('installs without ioredis, and ships its licence and its docs', () => {
  expect(setUpFiles.map(([file]) => file)).toEqual(['tsconfig.json', 'jest.config.js', 'src/addon.ts', 'test/addon.test.ts', 'test/addon.node-test.ts']);
  expect(existsSync(path.join(project, 'node_modules/ioredis'))).toBe(false);
  const installed = path.join(project, 'node_modules/hipchat-connect');
  expect(readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  // The README's links are relative: each must reach a file inside the installed package.
  const links = [...readFileSync(path.join(installed, 'README.md'), 'utf8').matchAll(/\]\((docs\/[^)#]+)/g)].map((match) => match[1]!);
  expect(links.length).toBeGreaterThan(10);
  expect(links.filter((link) => !existsSync(path.join(installed, link)))).toEqual([]);
});

it.each([
  ['node16 (the page\'s tsconfig)', {}],
  ['node10 with CommonJS', { module: 'commonjs', moduleResolution: 'node10' }],
  ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
])('compiles strictly, skipLibCheck off, under moduleResolution %s', async (name, compilerOptions) => {
  const config = `tsconfig.${name.split(' ')[0]}.json`;
  writeFileSync(path.join(project, config), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { ...compilerOptions, noEmit: true } }));
  expect(await inProject(`npx tsc -p ${config}`)).toEqual({ code: 0, output: '' });
}, 120_000);

it('runs the page\'s jest test, importing hipchat-connect/testing', async () => {
  const [jest] = commands('run');
  const outcome = await inProject(jest!);
  expect(outcome).toMatchObject({ code: 0, output: expect.stringMatching(/Tests: +2 passed, 2 total/) });
}, 120_000);

it('runs the page\'s node:test test, importing hipchat-connect/testing', async () => {
  const [, nodeTest] = commands('run');
  const outcome = await inProject(nodeTest!);
  expect(outcome).toMatchObject({ code: 0, output: expect.stringMatching(/# pass 1\n# fail 0/) });
}, 120_000);
