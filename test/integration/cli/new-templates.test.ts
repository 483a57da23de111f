import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devEnvironment, say, watchProcess } from '../../support/dev-project';
import { packedCheckout, runBuiltCli, runProcess, type ProcessOutcome } from '../../support/packed-checkout';

/**
 * Every template as a user meets it: `hipchat-connect new --from <npm pack of this checkout>` into a
 * temporary folder, npm install, then the project's own `npm run build` and `npm test`. Slow by nature
 * (an install each, from npm's warm cache), hence the timeouts of these tests alone.
 */
const INSTALL_AND_TEST_MS = 300_000;

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'hipchat-connect-new-'));
});
// Three projects' node_modules: removing them takes a while on a busy disk.
afterAll(() => rm(folder, { recursive: true, force: true }), 180_000);

function explain(step: string, outcome: ProcessOutcome): string {
  return `${step} exited ${outcome.code}\n--- stdout\n${outcome.stdout.slice(-4000)}\n--- stderr\n${outcome.stderr.slice(-4000)}`;
}

async function expectSuccess(step: string, running: Promise<ProcessOutcome>): Promise<ProcessOutcome> {
  const outcome = await running;
  if (outcome.code !== 0) throw new Error(explain(step, outcome));
  return outcome;
}

/**
 * One template from `new` to its own `npm test`. The three start together (in beforeAll), since most
 * of the time is npm and tsc waiting on the disk, and each test awaits its own.
 */
async function generateAndTest(template: string): Promise<{ created: ProcessOutcome; tested: ProcessOutcome; project: string; tarball: string }> {
  const tarball = await packedCheckout(folder);
  const project = path.join(folder, template);
  const created = await expectSuccess('new', runBuiltCli(['new', project, '--template', template, '--from', tarball, '--key', `com.example.${template}`], folder));
  await expectSuccess('npm run build', runProcess('npm', ['run', 'build'], project));
  const tested = await expectSuccess('npm test', runProcess('npm', ['test'], project));
  return { created, tested, project, tarball };
}

const TEMPLATES = ['addon', 'express-app', 'notifier'] as const;
const runs = new Map<string, ReturnType<typeof generateAndTest>>();
beforeAll(() => {
  for (const template of TEMPLATES) {
    const run = generateAndTest(template);
    run.catch(() => undefined); // reported by the template's own test
    runs.set(template, run);
  }
});

describe.each(TEMPLATES)('the %s template, generated and installed', (template) => {
  it('builds, and passes its own tests', async () => {
    const { created, tested, project, tarball } = await runs.get(template)!;
    expect(created.stdout).toMatch(/Next:\n {2}cd .+\n {2}npm run dev\n {2}npm test\n$/);
    expect(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).dependencies['hipchat-connect']).toBe(`file:${tarball}`);
    expect(`${tested.stdout}${tested.stderr}`).toMatch(/Tests:\s+\d+ passed, \d+ total/);
  }, INSTALL_AND_TEST_MS);
});

/**
 * What each template's `npm run dev` must do as generated: start, and for the two add-ons install into the
 * emulator dev starts and answer the slash command typed there; stop cleanly on Ctrl-C (SIGINT).
 * Ports are free ones, so several runs and the suite never collide.
 */
const DEV_RUNS: Record<(typeof TEMPLATES)[number], { args: string[]; env: NodeJS.ProcessEnv; ready: RegExp; say?: [string, RegExp] }> = {
  'addon': { args: ['--port', '0', '--emulator-port', '0', '--tunnel', 'none'], env: {}, ready: /Web UI {6}(http:\/\/127\.0\.0\.1:\d+)\//, say: ['/hello Ada', /^Hello, Ada!$/] },
  'express-app': { args: ['--port', '0', '--emulator-port', '0', '--tunnel', 'none'], env: {}, ready: /Web UI {6}(http:\/\/127\.0\.0\.1:\d+)\//, say: ['/status', /^All systems go, @\w+\.$/] },
  'notifier': { args: [], env: { EMULATOR_PORT: '0' }, ready: /HipChat emulator at (http:\/\/127\.0\.0\.1:\d+);/ },
};

/** Whether nothing answers at `url` any more, within a few seconds (what npm's children close after npm). */
async function untilRefused(url: string): Promise<boolean> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (await fetch(url).then(() => false, () => true)) return true;
  }
  return false;
}

describe.each(TEMPLATES)('the %s template\'s npm run dev', (template) => {
  it('starts, answers in the emulator, and stops cleanly on SIGINT', async () => {
    const { project } = await runs.get(template)!;
    const { args, env, ready, say: exchange } = DEV_RUNS[template];
    const dev = watchProcess('npm', ['run', 'dev', '--', ...args], project, devEnvironment(env), true);
    try {
      const emulatorUrl = (await dev.next(ready))[1]!;
      if (exchange) {
        await dev.next(/Watching .* for changes; Ctrl-C uninstalls and stops\./);
        const [message, reply] = exchange;
        expect(await say(emulatorUrl, message)).toEqual([expect.stringMatching(reply)]);
      }
      // Ctrl-C reaches npm, its shell and the script; npm then ends as an interrupted script does (130).
      await dev.interrupt();
      await expect(untilRefused(emulatorUrl)).resolves.toBe(true); // the emulator it started is gone, after the uninstall
      if (exchange) expect(dev.transcript()).toMatch(/Uninstalled \(the add-on answered 204\)/);
    } finally {
      await dev.interrupt();
    }
  }, INSTALL_AND_TEST_MS);
});

describe('a failed npm install', () => {
  it('keeps the files, says how to retry, and exits 1', async () => {
    // A "local build" that is no tarball at all: npm fails to unpack it, at once and offline.
    const broken = path.join(folder, 'broken-build.tgz');
    writeFileSync(broken, 'not a tarball');
    const project = path.join(folder, 'kept');

    const outcome = await runBuiltCli(['new', project, '--from', broken], folder);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('npm install failed; the files are kept');
    expect(outcome.stderr).toMatch(/cd .*kept && npm install/);
    expect(readFileSync(path.join(project, 'src', 'identity.ts'), 'utf8')).toContain("key: 'com.example.kept'");
  }, INSTALL_AND_TEST_MS);
});
