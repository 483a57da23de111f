import { createAddon, descriptorProblems, MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import { thrownBy } from '../descriptor/helpers';

const BASE = 'https://weather.example.com';
const page = () => undefined;

describe('UI declarations and the descriptor entries they produce', () => {
  let addon: Addon;
  beforeEach(() => {
    addon = createAddon({ key: 'com.example.ui', name: 'UI', description: 'Every UI module', store: new MemoryStore(), logger: silentLogger });
  });
  afterEach(() => addon.close());

  it('declares every module kind, each entry valid against the schema', () => {
    addon
      .glance('count', { name: 'Count', icon: '/icon.png', target: 'panel', weight: 10, conditions: [{ condition: 'room_is_public' }] }, () => ({ label: { type: 'html', value: '<b>4</b> open' } }))
      .glance('static', { name: { value: 'Static', i18n: 'static.name' }, icon: { url: '/a.png', 'url@2x': '/a@2x.png' } })
      .webPanel('panel', { name: 'Panel', icon: '/panel.png' }, page)
      .webPanel('own-panel', { name: 'Own panel', url: '/my/panel?room={room_id}', weight: 5 })
      .dialog('confirm', {
        title: 'Confirm',
        options: {
          style: 'warning', size: { width: '400px', height: '50%' }, hint: 'Be sure', filter: { placeholder: 'Search' },
          primaryAction: { name: 'Yes', key: 'yes', enabled: false }, secondaryActions: [{ name: 'No', key: 'no' }],
        },
      }, page)
      .action('translate', {
        name: 'Translate', location: 'hipchat.message.action', target: { key: 'confirm', options: { size: 'small' } },
        conditions: [{ type: 'or', conditions: [{ condition: 'message_matches', params: { regex: { pattern: '^hi', flags: 'i' } } }, { condition: 'user_is_admin', invert: true }] }],
      })
      .externalPage('docs', { name: 'Docs', url: 'https://docs.example.com/ui' })
      .externalPage('report', {}, page)
      .configurable({ allowAccessToRoomAdmins: true }, page)
      .adminPage({ url: '/admin/page' });

    const descriptor = addon.descriptor(BASE);
    expect(descriptorProblems(descriptor)).toEqual([]);
    const capabilities = descriptor.capabilities!;
    expect(capabilities.glance).toEqual([
      {
        key: 'count', name: { value: 'Count' }, icon: { url: `${BASE}/icon.png`, 'url@2x': `${BASE}/icon.png` },
        queryUrl: `${BASE}/glances/count`, target: 'panel', weight: 10, conditions: [{ condition: 'room_is_public' }],
      },
      { key: 'static', name: { value: 'Static', i18n: 'static.name' }, icon: { url: `${BASE}/a.png`, 'url@2x': `${BASE}/a@2x.png` } },
    ]);
    expect(capabilities.webPanel).toEqual([
      { key: 'panel', name: { value: 'Panel' }, url: `${BASE}/pages/panel`, location: 'hipchat.sidebar.right', icon: { url: `${BASE}/panel.png`, 'url@2x': `${BASE}/panel.png` } },
      { key: 'own-panel', name: { value: 'Own panel' }, url: `${BASE}/my/panel?room={room_id}`, location: 'hipchat.sidebar.right', weight: 5 },
    ]);
    expect(capabilities.dialog?.[0]).toEqual({
      key: 'confirm', title: { value: 'Confirm' }, url: `${BASE}/pages/confirm`,
      options: {
        style: 'warning', size: { width: '400px', height: '50%' }, hint: { value: 'Be sure' }, filter: { placeholder: { value: 'Search' } },
        primaryAction: { name: { value: 'Yes' }, key: 'yes', enabled: false }, secondaryActions: [{ name: { value: 'No' }, key: 'no' }],
      },
    });
    expect(capabilities.action?.[0]).toMatchObject({ key: 'translate', name: { value: 'Translate' }, location: 'hipchat.message.action', target: { key: 'confirm' } });
    expect(capabilities.externalPage).toEqual([
      { key: 'docs', name: { value: 'Docs' }, url: 'https://docs.example.com/ui' },
      { key: 'report', url: `${BASE}/pages/report` },
    ]);
    expect(capabilities.configurable).toEqual({ url: `${BASE}/configure`, allowAccessToRoomAdmins: true });
    expect(capabilities.adminPage).toEqual({ url: `${BASE}/admin/page` });
  });

  it('gives a glance without a handler no queryUrl, so the host shows its name', () => {
    addon.glance('plain', { name: 'Plain', icon: '/i.png' });
    expect(addon.descriptor(BASE).capabilities?.glance?.[0]).not.toHaveProperty('queryUrl');
  });

  it.each([
    ['a key the host cannot address', () => addon.glance('no spaces', { name: 'x', icon: '/i.png' }), 'glance("no spaces").key'],
    ['an empty name', () => addon.webPanel('p', { name: '' }, page), 'webPanel("p").name.value'],
    ['a misspelt member', () => addon.glance('g', { name: 'G', icon: '/i.png', wieght: 3 } as never), 'glance("g")'],
    ['a fractional weight', () => addon.action('a', { name: 'A', location: 'hipchat.input.action', target: 'p', weight: 1.5 }), 'action("a").weight'],
    ['an unknown location', () => addon.action('a', { name: 'A', location: 'hipchat.nowhere' as never, target: 'p' }), 'action("a").location'],
    ['a dialog size in inches', () => addon.dialog('d', { title: 'D', options: { size: { width: '4in', height: '3in' } } }, page), 'dialog("d").options.size'],
    ['an unknown dialog option', () => addon.dialog('d', { title: 'D', options: { modal: true } as never }, page), 'dialog("d").options'],
    ['a button key with spaces', () => addon.dialog('d', { title: 'D', options: { primaryAction: { name: 'Go', key: 'go now' } } }, page), 'dialog("d").options.primaryAction.key'],
    ['a page with neither url nor handler', () => addon.webPanel('p', { name: 'P' }), 'webPanel("p").url'],
    ['a page with both url and handler', () => addon.dialog('d', { title: 'D', url: '/d' }, page), 'dialog("d").url'],
    ['a handler that is not a function', () => addon.glance('g', { name: 'G', icon: '/i.png' }, 'nope' as never), 'glance("g") handler'],
    ['a second configuration page', () => addon.configurable({ url: '/a' }).configurable({ url: '/b' }), 'configurable'],
  ])('refuses %s at declaration, naming the option', (_name, declare, option) => {
    const error = thrownBy(declare);
    expect(error.code).toBe('OPTION_INVALID');
    expect(error.details?.option).toBe(option);
  });

  it('refuses a key used twice among UI modules at declaration', () => {
    addon.webPanel('same', { name: 'A' }, page);
    const error = thrownBy(() => addon.dialog('same', { title: 'B' }, page));
    expect(error.details?.option).toBe('dialog("same") key');
    // The refused declaration left nothing behind.
    expect(addon.descriptor(BASE).capabilities?.dialog).toBeUndefined();
  });

  it('leaves targets to the descriptor checks: a glance or action naming no page stops the descriptor', () => {
    addon.glance('g', { name: 'G', icon: '/i.png', target: 'missing' }).action('a', { name: 'A', location: 'hipchat.input.action', target: 'g' });
    const error = thrownBy(() => addon.descriptor(BASE));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.details?.problems).toEqual([
      { path: '/capabilities/glance/0/target', rule: expect.stringContaining('"missing"') },
      { path: '/capabilities/action/0/target', rule: expect.stringContaining('"g"') },
    ]);
  });

  it('catches a UI key that a webhook already uses when the descriptor is built', () => {
    addon.webhook('room_enter', { key: 'hello' }, () => undefined).webPanel('hello', { name: 'Hello' }, page);
    expect(thrownBy(() => addon.descriptor(BASE)).code).toBe('DESCRIPTOR_INVALID');
  });
});
