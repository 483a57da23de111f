import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { startFakeAddon, type FakeAddon } from './fake-addon';

/**
 * An add-on whose descriptor moved (a development tunnel that came back under another URL): the update
 * flow can take the new descriptor URL, so the installation follows the add-on instead of calling a
 * dead one. Over HTTP too, since `hipchat-connect dev --host` drives a running emulator that way.
 */
let emulator: Emulator;
let before: FakeAddon;
let after: FakeAddon;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
beforeEach(async () => {
  [before, after] = await Promise.all([startFakeAddon(), startFakeAddon()]);
});
afterEach(() => Promise.all([before.close(), after.close()]));
afterAll(() => emulator.close());

async function updateOverHttp(oauthId: string, body: unknown): Promise<Response> {
  return fetch(`${emulator.url}/emulator/installations/${oauthId}/update`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
}

it('moves the installation to the new descriptor URL: same oauthId and secret, later calls go there', async () => {
  const installed = await emulator.install({ descriptorUrl: before.descriptorUrl, roomId: 1 });
  const response = await updateOverHttp(installed.oauthId, { url: after.descriptorUrl });

  expect(response.status).toBe(200);
  const updated = await response.json();
  expect(updated).toMatchObject({ oauthId: installed.oauthId, descriptorUrl: after.descriptorUrl, descriptor: { links: { self: after.descriptorUrl } } });
  expect(updated).not.toHaveProperty('oauthSecret');
  expect(after.installs[0]!.body).toEqual(before.installs[0]!.body);
  expect(emulator.log.installs.at(-1)).toMatchObject({ kind: 'update', descriptorUrl: after.descriptorUrl, accepted: true });

  await emulator.uninstall(installed.oauthId);
  expect(after.uninstalls).toEqual([{ oauthId: installed.oauthId, tokenStatus: 401 }]);
  expect(before.uninstalls).toEqual([]);
});

it('keeps the old URL when the add-on at the new one refuses the update', async () => {
  const installed = await emulator.install({ descriptorUrl: before.descriptorUrl });
  after.installAnswer = { status: 500 };
  const response = await updateOverHttp(installed.oauthId, { url: after.descriptorUrl });

  expect(response.status).toBe(500);
  expect((await response.json()).error.message).toContain('The add-on refused the update');
  const [listed] = (await (await fetch(`${emulator.url}/emulator/installations`)).json()).items;
  expect(listed).toMatchObject({ oauthId: installed.oauthId, descriptorUrl: before.descriptorUrl });
  await emulator.uninstall(installed.oauthId);
});

it('updates in place without a url, and answers 404 for an installation it does not have', async () => {
  const installed = await emulator.install({ descriptorUrl: before.descriptorUrl });
  expect((await updateOverHttp(installed.oauthId, {})).status).toBe(200);
  expect(before.installs).toHaveLength(2);
  expect((await updateOverHttp('no-such-oauth-id', {})).status).toBe(404);
  expect((await updateOverHttp(installed.oauthId, { url: 42 })).status).toBe(400);
  await emulator.uninstall(installed.oauthId);
});
