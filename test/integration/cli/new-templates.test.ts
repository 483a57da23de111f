import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function explain(step: string, outcome: ProcessOutcome): string {
  return `${step} exited ${outcome.code}\n--- stdout\n${outcome.stdout.slice(-4000)}\n--- stderr\n${outcome.stderr.slice(-4000)}`;
}

async function expectSuccess(step: string, running: Promise<ProcessOutcome>): Promise<ProcessOutcome> {
  const outcome = await running;
  if (outcome.code !== 0) throw new Error(explain(step, outcome));
  return outcome;
}

describe.each(['addon', 'express-app', 'notifier'])('the %s template, generated and installed', (template) => {
  it('builds, and passes its own tests', async () => {
    const tarball = await packedCheckout();
    const project = path.join(folder, template);
    const created = await expectSuccess('new', runBuiltCli(['new', project, '--template', template, '--from', tarball, '--key', `com.example.${template}`], folder));
    expect(created.stdout).toMatch(/Next:\n {2}cd .+\n {2}npm run dev\n {2}npm test\n$/);
    expect(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).dependencies['hipchat-connect']).toBe(`file:${tarball}`);

    await expectSuccess('npm run build', runProcess('npm', ['run', 'build'], project));
    const tested = await expectSuccess('npm test', runProcess('npm', ['test'], project));
    expect(`${tested.stdout}${tested.stderr}`).toMatch(/Tests:\s+\d+ passed, \d+ total/);
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
