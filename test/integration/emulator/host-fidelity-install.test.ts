import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { allLoopback } from '../../../lib/emulator/loopback';
import { call, errorBody } from './api-client';
import { addonToken, withFidelityFixture } from './fidelity-fixture';

/** Where HipChat's installs, webhooks and files differed from the emulator's for an add-on written with ACE-HipChat (issue 13, divergences 2, 4, 5, 6, 9). */

const fixture = withFidelityFixture();

async function installOverHttp(body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${fixture.emulator.url}/emulator/installations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe('2. the installation is live during its install callback', () => {
  beforeEach(() => {
    const icon = { url: `${fixture.addon.url}/icon.png`, 'url@2x': `${fixture.addon.url}/icon.png` };
    fixture.addon.descriptor.capabilities.glance = [{ key: 'status', name: { value: 'Status' }, icon }];
  });
  const glancePush = { glance: [{ key: 'status', content: { label: { type: 'html', value: '<b>ready</b>' } } }] };

  it('signs the add-on\'s "installed" notice with its name and takes its glance push, before the add-on answers', async () => {
    const answers: number[] = [];
    fixture.addon.duringInstall = async (credentials) => {
      const token = await addonToken(fixture.emulator, credentials);
      answers.push((await call(fixture.emulator, 'POST', '/room/1/notification', { token, body: { message: 'Fake is installed' } })).status);
      answers.push((await call(fixture.emulator, 'POST', '/addon/ui/room/1', { token, body: glancePush })).status);
    };
    const installation = await fixture.emulator.install({ descriptorUrl: fixture.addon.descriptorUrl, roomId: 1 });
    expect(answers).toEqual([204, 204]);
    expect(fixture.emulator.history(1).at(-1)).toMatchObject({ from: 'Fake', message: 'Fake is installed' });
    expect(fixture.emulator.glances()).toEqual([expect.objectContaining({ oauthId: installation.oauthId, key: 'status' })]);
  });

  it('removes the installation and what it made meanwhile when the callback fails', async () => {
    let token = '';
    fixture.addon.duringInstall = async (credentials) => {
      token = await addonToken(fixture.emulator, credentials);
      await call(fixture.emulator, 'POST', '/addon/ui/room/1', { token, body: glancePush });
    };
    fixture.addon.installAnswer = { status: 500, body: { error: 'database down' } };
    await expect(fixture.emulator.install({ descriptorUrl: fixture.addon.descriptorUrl, roomId: 1 })).rejects.toMatchObject({ code: 'LIFECYCLE_HANDLER_FAILED' });
    expect(fixture.emulator.glances()).toEqual([]);
    expect((await call(fixture.emulator, 'POST', '/room/1/notification', { token, body: { message: 'too late' } })).status).toBe(401);
    expect((await (await fetch(`${fixture.emulator.url}/emulator/installations`)).json()).items).toEqual([]);
  });
});

describe('4. descriptor webhooks without authentication', () => {
  it('delivers them unsigned, HipChat\'s default, and signs those that declare jwt', async () => {
    delete fixture.addon.descriptor.capabilities.webhook[0].authentication;
    const { oauthId } = await fixture.emulator.install({ descriptorUrl: fixture.addon.descriptorUrl, roomId: 1 });
    await fixture.emulator.sendWebhook({ oauthId, event: 'room_message', item: { message: { message: '/weather' } } });
    await fixture.emulator.sendWebhook({ oauthId, event: 'room_enter' });
    const [unsigned, signed] = fixture.addon.webhooks;
    expect(unsigned).toMatchObject({ path: '/webhook/weather', authorization: undefined, query: {} });
    expect(signed).toMatchObject({ path: '/webhook/enter', authorization: expect.stringMatching(/^JWT /) });
  });
});

describe('5. the files ACE-HipChat\'s pages load from the host', () => {
  it('serves /atlassian-connect/all-debug.js (the same API as all.js) and all.css', async () => {
    const allJs = await (await fetch(`${fixture.emulator.url}/atlassian-connect/all.js`)).text();
    const debug = await fetch(`${fixture.emulator.url}/atlassian-connect/all-debug.js`);
    expect(debug.status).toBe(200);
    expect(debug.headers.get('content-type')).toMatch(/javascript/);
    expect(await debug.text()).toBe(allJs);
    const css = await fetch(`${fixture.emulator.url}/atlassian-connect/all.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

describe('6. descriptor validation at install', () => {
  it('answers 400 naming the problems, not 500', async () => {
    delete fixture.addon.descriptor.key;
    fixture.addon.descriptor.capabilities.webhook[0].event = 'room_dance';
    const answer = await installOverHttp({ url: fixture.addon.descriptorUrl });
    expect(answer).toMatchObject({ status: 400, body: errorBody(400) });
    expect(answer.body.error.message).toContain("required property 'key'");
    expect(answer.body.error.message).toContain('/capabilities/webhook/0/event');
  });

  it('ignores members HipChat did not know, with a warning in the emulator\'s log', async () => {
    fixture.addon.descriptor.baseUrl = fixture.addon.url;
    fixture.addon.descriptor.capabilities.webhook[0].note = 'from ACE';
    const answer = await installOverHttp({ url: fixture.addon.descriptorUrl, roomId: 1 });
    expect(answer.status).toBe(201);
    expect(answer.body.descriptor).not.toHaveProperty('baseUrl');
    expect(fixture.warnings.map((warning) => warning.fields.member)).toEqual(expect.arrayContaining(['/baseUrl', '/capabilities/webhook/0/note']));
    expect(fixture.addon.installs).toHaveLength(1);
  });
});

describe('9. a base URL on a host name that resolves to loopback', () => {
  /** The add-on's own URLs, on this machine's host name: ACE's default base URL. */
  function onHostName(): string {
    const base = fixture.addon.url.replace('127.0.0.1', hostname());
    fixture.addon.descriptor = JSON.parse(JSON.stringify(fixture.addon.descriptor).split(fixture.addon.url).join(base));
    return `${base}/descriptor`;
  }

  it('installs and delivers webhooks when every address of the name is loopback, and refuses otherwise', async () => {
    const addresses = (await lookup(hostname(), { all: true })).map((entry) => entry.address);
    const install = fixture.emulator.install({ descriptorUrl: onHostName(), roomId: 1 });
    if (!allLoopback(addresses)) {
      await expect(install).rejects.toMatchObject({ code: 'HOST_NOT_ALLOWED' });
      return;
    }
    const { oauthId } = await install;
    expect(fixture.addon.installs).toHaveLength(1);
    expect((await fixture.emulator.sendWebhook({ oauthId, event: 'room_enter' })).status).toBe(204);
  });

  it('refuses a name that does not resolve, saying so', async () => {
    const error = await fixture.emulator.install({ descriptorUrl: 'http://no-such-host.invalid/descriptor' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect((error as Error).message).toContain('does not resolve');
  });
});
