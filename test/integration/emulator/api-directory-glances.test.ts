import type { HostInstallation } from 'hipchat-connect/emulator';
import type { CheckedEmulator } from '../../support/checked-emulator';
import { call, errorBody } from './api-client';
import { withApiFixture } from './api-fixture';
import type { FakeAddon } from './fake-addon';
import { postToken } from './token-client';

let emulator: CheckedEmulator;
let addon: FakeAddon;
let token: string;
withApiFixture((fixture) => ({ emulator, addon, token } = fixture));

describe('users', () => {
  it('lists the group\'s users in pages', async () => {
    const answer = await call(emulator, 'GET', '/user', { token, query: { 'max-results': '2' } });
    expect(answer.body).toMatchObject({ items: [{ id: 1, mention_name: 'Ada' }, { id: 2 }], startIndex: 0, maxResults: 2, links: { next: expect.any(String) } });
  });

  it('reads a user by id, email or @mention', async () => {
    for (const key of ['3', 'alan@example.com', '@Alan']) {
      const answer = await call(emulator, 'GET', `/user/${encodeURIComponent(key)}`, { token });
      expect(answer.body).toMatchObject({ id: 3, name: 'Alan Turing', email: 'alan@example.com', timezone: 'Europe/London', is_group_admin: false });
    }
    expect(await call(emulator, 'GET', '/user/99', { token })).toMatchObject({ status: 404, body: errorBody(404) });
  });

  it('refuses without view_group', async () => {
    const roomToken = emulator.createRoomToken(1).token;
    expect((await call(emulator, 'GET', '/user', { token: roomToken })).status).toBe(401);
    expect((await call(emulator, 'GET', '/user/1', { token: roomToken })).status).toBe(401);
  });
});

describe('emoticons', () => {
  it('lists the seeded emoticons, by type', async () => {
    const all = await call(emulator, 'GET', '/emoticon', { token });
    expect(all.body.items.map((emoticon: { shortcut: string }) => emoticon.shortcut)).toEqual(['allthethings', 'shipit', 'yey', 'lovelace']);
    const group = await call(emulator, 'GET', '/emoticon', { token, query: { type: 'group' } });
    expect(group.body.items).toEqual([expect.objectContaining({ shortcut: 'lovelace', creator: expect.objectContaining({ id: 1 }) })]);
    expect(await call(emulator, 'GET', '/emoticon', { token, query: { type: 'mine' } })).toMatchObject({ status: 400, body: errorBody(400, 'type') });
    emulator.takeViolations();
  });

  it('reads one by id or shortcut', async () => {
    expect((await call(emulator, 'GET', '/emoticon/2', { token })).body).toMatchObject({ id: 2, shortcut: 'shipit', url: `${emulator.url}/emoticons/shipit.png` });
    expect((await call(emulator, 'GET', '/emoticon/shipit', { token })).body.id).toBe(2);
    expect((await call(emulator, 'GET', '/emoticon/nope', { token })).status).toBe(404);
  });

  it('refuses without view_group', async () => {
    expect((await call(emulator, 'GET', '/emoticon', { token: emulator.createRoomToken(1).token })).status).toBe(401);
  });
});

describe('glance pushes', () => {
  let installation: HostInstallation;
  let addonToken: string;
  const content = { label: { type: 'html', value: '<b>4</b> open' }, status: { type: 'lozenge', value: { label: 'GOOD', type: 'success' } } };
  const push = (path: string, body: unknown, as = addonToken) => call(emulator, 'POST', path, { token: as, body });

  async function installWith(scopes: string[], roomId?: number): Promise<void> {
    addon.descriptor.capabilities.hipchatApiConsumer.scopes = scopes;
    addon.descriptor.capabilities.glance = [{ key: 'open-prs', name: { value: 'PRs' }, icon: { url: `${addon.url}/i.png`, 'url@2x': `${addon.url}/i2.png` } }];
    installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId });
    addonToken = (await postToken(emulator, installation, { grant_type: 'client_credentials' })).body.access_token;
  }

  it('stores the latest content per glance and scope, and logs every push', async () => {
    await installWith(['view_room', 'view_group']);
    expect((await push('/addon/ui/room/1', { glance: [{ key: 'open-prs', content }] })).status).toBe(204);
    expect((await push('/addon/ui/room/1', { glance: [{ key: 'open-prs', content: { label: { type: 'html', value: '5 open' } } }] })).status).toBe(204);
    expect((await push('/addon/ui', { glance: [{ key: 'open-prs', content }] })).status).toBe(204);
    expect((await push('/addon/ui/user/@Grace', { glance: [{ key: 'open-prs', content }] })).status).toBe(204);
    expect(emulator.glances()).toEqual([
      expect.objectContaining({ oauthId: installation.oauthId, addonKey: 'com.example.fake', key: 'open-prs', scope: { room: 1 }, content: { label: { type: 'html', value: '5 open' } } }),
      expect.objectContaining({ scope: { group: true }, content }),
      expect.objectContaining({ scope: { user: 2 } }),
    ]);
    expect(emulator.log.glancePushes).toHaveLength(4);
    const served = await fetch(`${emulator.url}/emulator/glances`);
    expect(((await served.json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('refuses a key the add-on does not declare, content without a label, and a label outside the rule, naming the field', async () => {
    await installWith(['view_room']);
    expect(await push('/addon/ui/room/1', { glance: [{ key: 'other', content }] })).toMatchObject({ status: 400, body: errorBody(400, 'glance/0/key') });
    expect(await push('/addon/ui/room/1', { glance: [{ key: 'open-prs', content: {} }] })).toMatchObject({ body: errorBody(400, 'glance/0/content/label') });
    const hostile = { label: { type: 'html', value: '<img src=x onerror="window.pwned = 1">' } };
    expect(await push('/addon/ui/room/1', { glance: [{ key: 'open-prs', content: hostile }] })).toMatchObject({ body: errorBody(400, 'glance/0/content/label/value') });
    expect(await push('/addon/ui/room/1', { glance: [] })).toMatchObject({ body: errorBody(400, 'glance') });
    expect(emulator.glances()).toEqual([]);
    emulator.takeViolations();
  });

  it('refuses tokens that are not an add-on\'s, a missing scope, and a room installation reaching further', async () => {
    await installWith(['view_room', 'view_group'], 1);
    expect((await push('/addon/ui/room/1', { glance: [{ key: 'open-prs', content }] }, token)).status).toBe(403);
    expect((await push('/addon/ui/room/2', { glance: [{ key: 'open-prs', content }] })).status).toBe(403);
    expect((await push('/addon/ui', { glance: [{ key: 'open-prs', content }] })).status).toBe(403);
    expect((await push('/addon/ui/room/1', { glance: [{ key: 'open-prs', content }] })).status).toBe(204);
    const roomOnly = await emulator.install({ descriptorUrl: addon.descriptorUrl });
    const { body } = await postToken(emulator, roomOnly, { grant_type: 'client_credentials', scope: 'view_room' });
    expect((await push('/addon/ui/user/1', { glance: [{ key: 'open-prs', content }] }, body.access_token)).status).toBe(401);
  });

  it('forgets an installation\'s glances when it is uninstalled', async () => {
    await installWith(['view_room']);
    await push('/addon/ui/room/1', { glance: [{ key: 'open-prs', content }] });
    await emulator.uninstall(installation.oauthId);
    expect(emulator.glances()).toEqual([]);
  });
});
