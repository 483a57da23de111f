import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { emulatorCall, makeDevProject, say, startDev, type DevProject, type DevRun } from '../../support/dev-project';

/**
 * `hipchat-connect dev` as an author meets it, in one session: the fixture project (its src/index.ts
 * imports 'hipchat-connect') run by the built CLI in a child process, with the emulator dev started.
 * The steps share the session and run in order, as the author's edits would.
 */
interface Listed {
  oauthId: string;
  roomId?: number;
  descriptorUrl: string;
  descriptor: { capabilities: { glance?: Array<{ key: string }> } };
}

let project: DevProject;
let dev: DevRun;
let emulatorUrl: string;
let descriptorUrl: string;
let oauthId: string;

const installations = async () => (await emulatorCall<{ items: Listed[] }>(emulatorUrl, 'GET', '/emulator/installations')).items;
const installsLogged = async () => (await emulatorCall<{ installs: Array<{ kind: string }> }>(emulatorUrl, 'GET', '/emulator/log')).installs;

beforeAll(async () => {
  project = makeDevProject();
  dev = startDev(project, ['--port', '0', '--emulator-port', '0', '--tunnel', 'none']);
  oauthId = (await dev.next(/Installed into room "Lobby" of \S+ \(oauthId (\S+)\)/))[1]!;
  descriptorUrl = (await dev.next(/Descriptor {2}(\S+)/))[1]!;
  emulatorUrl = (await dev.next(/Web UI {6}(http:\/\/127\.0\.0\.1:\d+)\/\?room=1&user=1/))[1]!;
  await dev.next(/Watching .* for changes; Ctrl-C uninstalls and stops\./);
}, 120_000);

afterAll(async () => {
  await dev?.interrupt();
  project?.remove();
});

jest.setTimeout(120_000);

it('installs the add-on into the first room and prints its URL, descriptor URL and the web UI for that room', async () => {
  expect(dev.transcript()).toMatch(/Add-on {6}http:\/\/127\.0\.0\.1:\d+ \(src\/index\.ts, TypeScript run by tsx\)/);
  expect(descriptorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/atlassian-connect\.json$/);
  expect(await installations()).toEqual([expect.objectContaining({ oauthId, roomId: 1, descriptorUrl })]);
  expect((await fetch(descriptorUrl)).status).toBe(200);
});

it('answers its slash command through the emulator', async () => {
  expect(await say(emulatorUrl, '/echo hello')).toEqual(['echo: hello']);
});

it('restarts on a save: the next webhook answers the new text, under the same oauthId and no new install', async () => {
  project.write('src/reply.ts', project.read('src/reply.ts').replace('echo: ', 'echo again: '));
  await dev.next(/src\/reply\.ts changed: restarting the add-on/);
  const [, ms] = (await dev.next(/Restarted in (\d+) ms/))!;
  expect(Number(ms)).toBeGreaterThan(0);

  expect(await say(emulatorUrl, '/echo hello')).toEqual(['echo again: hello']);
  expect((await installations()).map((installation) => installation.oauthId)).toEqual([oauthId]);
  expect((await installsLogged()).map((install) => install.kind)).toEqual(['install']);
});

it('asks the host for the update flow when the descriptor changed, and the installation then has the new glance', async () => {
  project.write('src/index.ts', `${project.read('src/index.ts')}
addon.glance('status', { name: 'Status', icon: '/icon.png' }, () => ({ label: { type: 'html', value: '<b>all good</b>' } }));
`);
  await dev.next(/The descriptor changed \(added glance "status"\); the host updated the installation \(same oauthId\)\./);

  const [installation] = await installations();
  expect(installation!.oauthId).toBe(oauthId);
  expect(installation!.descriptor.capabilities.glance!.map((glance) => glance.key)).toEqual(['count', 'status']);
  expect((await installsLogged()).map((install) => install.kind)).toEqual(['install', 'update']);
  expect(await say(emulatorUrl, '/echo still here')).toEqual(['echo again: still here']);
});

it('prints a broken save\'s error and keeps watching; the next good save serves again', async () => {
  const good = project.read('src/reply.ts');
  project.write('src/reply.ts', 'export function reply(text: string): string {\n  return `broken ${text`;\n}\n');
  await dev.next(/The add-on exited with code 1 before it served; dev is still watching: fix it and save\./);
  expect(dev.transcript()).toMatch(/src\/reply\.ts:\d+:\d+: ERROR/);
  expect(dev.child.exitCode).toBeNull();

  project.write('src/reply.ts', good.replace('echo again: ', 'echo mended: '));
  await dev.next(/Restarted in \d+ ms/);
  expect(await say(emulatorUrl, '/echo hello')).toEqual(['echo mended: hello']);
  expect((await installations()).map((installation) => installation.oauthId)).toEqual([oauthId]);
});

it('installs again after a save when the installation was removed behind its back (in the web UI)', async () => {
  await emulatorCall(emulatorUrl, 'DELETE', `/emulator/installations/${oauthId}`);
  project.write('src/reply.ts', project.read('src/reply.ts').replace('echo mended: ', 'echo anew: '));
  const [, again] = await dev.next(/The installation was gone from the host \(uninstalled in the web UI\?\), so dev installed the add-on again \(oauthId (\S+)\)\./);
  expect(again).not.toBe(oauthId);
  oauthId = again!;
  expect((await installations()).map((installation) => installation.oauthId)).toEqual([oauthId]);
  expect(await say(emulatorUrl, '/echo hello')).toEqual(['echo anew: hello']);
});

it('uninstalls at Ctrl-C, stops the add-on and the emulator, and exits 0', async () => {
  expect(await dev.interrupt()).toBe(0);
  expect(dev.transcript()).toMatch(/Uninstalled \(the add-on answered 204\)\./);
  // The verified uninstall purged the add-on's file store, and dev forgot the installation.
  const store = JSON.parse(readFileSync(path.join(project.dir, '.hipchat-connect', 'store.json'), 'utf8'));
  expect(store.installations).toEqual({});
  expect(existsSync(path.join(project.dir, '.hipchat-connect', 'dev.json'))).toBe(false);
  await expect(fetch(descriptorUrl)).rejects.toThrow();
  await expect(fetch(`${emulatorUrl}/v2/capabilities`)).rejects.toThrow();
});
