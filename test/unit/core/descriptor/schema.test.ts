import { problemsWith } from '../../../../lib/core/schemas';
import { fixture } from './helpers';

const problems = (value: unknown) => problemsWith('descriptor', value);

describe('schemas/descriptor', () => {
  it('accepts a descriptor that uses every module type', () => {
    expect(problems(fixture('full.json'))).toEqual([]);
  });

  it('accepts a minimal descriptor', () => {
    expect(problems(fixture('minimal.json'))).toEqual([]);
  });

  it.each([
    ['a string avatar', (d: any) => { d.capabilities.hipchatApiConsumer.avatar = 'https://x.example.com/a.png'; }],
    ['a pattern on room_notification', (d: any) => { d.capabilities.webhook[0].event = 'room_notification'; }],
    ['a named dialog size', (d: any) => { d.capabilities.dialog[0].options.size = 'xlarge'; }],
    ['an unknown condition', (d: any) => { d.capabilities.glance[0].conditions = [{ condition: 'made_up' }]; }],
    ['a localhost URL with a port', (d: any) => { d.capabilities.webPanel[0].url = 'http://localhost:3000/panel?m={message.body}'; }],
  ])('accepts %s', (_name, change) => {
    const descriptor = fixture('full.json');
    change(descriptor);
    expect(problems(descriptor)).toEqual([]);
  });

  // Each case breaks the full descriptor once, naming the JSON path and (part of) the rule ajv must report.
  it.each([
    ['a missing key', '', "required property 'key'", (d: any) => { delete d.key; }],
    ['a bad add-on key', '/key', 'must match pattern', (d: any) => { d.key = 'com.example:weather'; }],
    ['a bad module key', '/capabilities/glance/0/key', 'must match pattern', (d: any) => { d.capabilities.glance[0].key = 'has space'; }],
    ['a module key over 40 chars', '/capabilities/externalPage/0/key', 'must NOT have more than 40 characters', (d: any) => { d.capabilities.externalPage[0].key = 'k'.repeat(41); }],
    ['a pattern on room_enter', '/capabilities/webhook/1/pattern', 'boolean schema is false', (d: any) => { d.capabilities.webhook[1].pattern = '^hi'; }],
    ['an unknown webhook event', '/capabilities/webhook/0/event', 'allowed values', (d: any) => { d.capabilities.webhook[0].event = 'room_mesage'; }],
    ['an unknown dialog option', '/capabilities/dialog/0/options', 'additional properties (modal)', (d: any) => { d.capabilities.dialog[0].options.modal = true; }],
    ['a dialog size without height', '/capabilities/dialog/0/options/size', "required property 'height'", (d: any) => { d.capabilities.dialog[0].options.size = { width: '10px' }; }],
    ['a vendor without url', '/vendor', "required property 'url'", (d: any) => { delete d.vendor.url; }],
    ['a scope not in the enum', '/capabilities/hipchatApiConsumer/scopes/0', 'allowed values', (d: any) => { d.capabilities.hipchatApiConsumer.scopes = ['send_notifications']; }],
    ['empty scopes', '/capabilities/hipchatApiConsumer/scopes', 'fewer than 1 items', (d: any) => { d.capabilities.hipchatApiConsumer.scopes = []; }],
    ['a repeated scope', '/capabilities/hipchatApiConsumer/scopes', 'duplicate items', (d: any) => { d.capabilities.hipchatApiConsumer.scopes = ['view_room', 'view_room']; }],
    ['a webPanel in the wrong location', '/capabilities/webPanel/0/location', 'equal to constant', (d: any) => { d.capabilities.webPanel[0].location = 'hipchat.sidebar.left'; }],
    ['an action in the wrong location', '/capabilities/action/0/location', 'allowed values', (d: any) => { d.capabilities.action[0].location = 'hipchat.sidebar.right'; }],
    ['a glance icon without url@2x', '/capabilities/glance/0/icon', "required property 'url@2x'", (d: any) => { delete d.capabilities.glance[0].icon['url@2x']; }],
    ['an i18n value over 100 chars', '/capabilities/glance/0/name/value', 'more than 100 characters', (d: any) => { d.capabilities.glance[0].name.value = 'x'.repeat(101); }],
    ['an i18n key over 40 chars', '/capabilities/webPanel/0/name/i18n', 'more than 40 characters', (d: any) => { d.capabilities.webPanel[0].name.i18n = 'x'.repeat(41); }],
    ['an unknown top-level member', '', 'additional properties (cards)', (d: any) => { d.cards = []; }],
    ['a misspelt capability', '/capabilities', 'additional properties (webhooks)', (d: any) => { d.capabilities.webhooks = []; }],
    ['an unknown compound condition type', '/capabilities/glance/0/conditions/1/type', 'allowed values', (d: any) => { d.capabilities.glance[0].conditions[1].type = 'xor'; }],
    ['a relative module URL', '/capabilities/webPanel/0/url', 'must match pattern', (d: any) => { d.capabilities.webPanel[0].url = '/panel'; }],
    ['a non-http module URL', '/capabilities/adminPage/url', 'must match pattern', (d: any) => { d.capabilities.adminPage.url = 'javascript:alert(1)'; }],
    ['an unclosed placeholder', '/capabilities/dialog/0/url', 'must match pattern', (d: any) => { d.capabilities.dialog[0].url = 'https://x.example.com/d?r={room_id'; }],
    ['a placeholder in links.self', '/links/self', 'must match format "uri"', (d: any) => { d.links.self = 'https://x.example.com/{room_id}'; }],
    ['installable without callbackUrl', '/capabilities/installable', "required property 'callbackUrl'", (d: any) => { delete d.capabilities.installable.callbackUrl; }],
    ['a bad apiVersion', '/apiVersion', 'must match pattern', (d: any) => { d.apiVersion = '1.1'; }],
  ])('rejects %s at %j', (_name, path, rule, change) => {
    const descriptor = fixture('full.json');
    change(descriptor);
    expect(problems(descriptor)).toContainEqual({ path, rule: expect.stringContaining(rule) });
  });

  it('says which member is unknown', () => {
    const descriptor = fixture('minimal.json');
    descriptor.cards = [];
    expect(problems(descriptor)).toEqual([{ path: '', rule: 'must NOT have additional properties (cards)' }]);
  });
});
