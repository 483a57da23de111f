import { buildDescriptor, type DescriptorSource } from 'hipchat-connect';
import { thrownBy } from './helpers';

function source(): DescriptorSource {
  return {
    key: 'com.example.echo',
    name: 'Echo',
    description: 'Says it again',
    descriptorPath: '/atlassian-connect.json',
    api: { scopes: ['send_notification', 'view_room'], avatar: { url: '/avatar.png' } },
    installable: { allowGlobal: true, allowRoom: true, callbackPath: '/installable', uninstalledPath: '/uninstalled' },
    modules: {
      webhook: [
        { key: 'echo', event: 'room_message', pattern: '^/echo', url: '/webhooks/echo' },
        { key: 'open', event: 'room_enter', url: '/webhooks/enter', authentication: 'none' },
      ],
      glance: [{ key: 'count', name: { value: 'Count' }, icon: { url: '/icon.png', 'url@2x': '/icon@2x.png' }, queryUrl: '/glances/count', target: 'panel' }],
      webPanel: [{ key: 'panel', name: { value: 'Panel' }, location: 'hipchat.sidebar.right', url: '/panel?room={room_id}&text={message.body}' }],
      externalPage: [{ key: 'docs', url: 'https://docs.example.com/echo' }],
      configurable: { url: 'configure' },
    },
  };
}

describe('buildDescriptor', () => {
  it('makes relative URLs absolute under the base URL', () => {
    const descriptor = buildDescriptor(source(), 'https://echo.example.com');
    expect(descriptor.links).toEqual({ self: 'https://echo.example.com/atlassian-connect.json' });
    expect(descriptor.capabilities?.webhook?.[0]?.url).toBe('https://echo.example.com/webhooks/echo');
    expect(descriptor.capabilities?.glance?.[0]).toMatchObject({
      queryUrl: 'https://echo.example.com/glances/count',
      icon: { url: 'https://echo.example.com/icon.png', 'url@2x': 'https://echo.example.com/icon@2x.png' },
    });
    expect(descriptor.capabilities?.hipchatApiConsumer?.avatar).toEqual({ url: 'https://echo.example.com/avatar.png' });
    expect(descriptor.capabilities?.configurable?.url).toBe('https://echo.example.com/configure');
  });

  it('keeps the path prefix of the base URL, with or without a trailing slash', () => {
    for (const base of ['https://abc.ngrok.io/addon', 'https://abc.ngrok.io/addon/']) {
      const descriptor = buildDescriptor(source(), base);
      expect(descriptor.links.self).toBe('https://abc.ngrok.io/addon/atlassian-connect.json');
      expect(descriptor.capabilities?.installable).toEqual({
        allowGlobal: true,
        allowRoom: true,
        callbackUrl: 'https://abc.ngrok.io/addon/installable',
        uninstalledUrl: 'https://abc.ngrok.io/addon/uninstalled',
      });
    }
  });

  it('keeps the host placeholders as they are, never percent-encoded', () => {
    const descriptor = buildDescriptor(source(), 'https://abc.ngrok.io/addon');
    expect(descriptor.capabilities?.webPanel?.[0]?.url).toBe('https://abc.ngrok.io/addon/panel?room={room_id}&text={message.body}');
  });

  it('leaves absolute URLs alone', () => {
    const descriptor = buildDescriptor(source(), 'https://echo.example.com');
    expect(descriptor.capabilities?.externalPage?.[0]?.url).toBe('https://docs.example.com/echo');
  });

  it('declares jwt authentication on webhooks unless the source says otherwise', () => {
    const webhooks = buildDescriptor(source(), 'https://echo.example.com').capabilities?.webhook;
    expect(webhooks?.map((webhook) => webhook.authentication)).toEqual(['jwt', 'none']);
  });

  it('leaves out what the source leaves out', () => {
    const descriptor = buildDescriptor(source(), 'https://echo.example.com');
    expect(Object.keys(descriptor)).toEqual(['key', 'name', 'description', 'links', 'capabilities']);
    expect(descriptor.capabilities?.webPanel?.[0]).not.toHaveProperty('icon');
  });

  it('hands out a frozen copy and leaves the source untouched', () => {
    const input = source();
    const descriptor = buildDescriptor(input, 'https://echo.example.com');
    expect(Object.isFrozen(descriptor.capabilities?.glance?.[0]?.icon)).toBe(true);
    expect(Object.isFrozen(input.modules.glance?.[0]?.icon)).toBe(false);
    expect(input.modules.webhook?.[0]?.url).toBe('/webhooks/echo');
  });

  it('refuses a source whose descriptor would be invalid', () => {
    const input = source();
    input.modules.glance = [{ key: 'count', name: { value: 'Count' }, icon: { url: '/i.png', 'url@2x': '/i2.png' }, target: 'nowhere' }];
    const error = thrownBy(() => buildDescriptor(input, 'https://echo.example.com'));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toContain('/capabilities/glance/0/target');
  });

  it.each(['abc.ngrok.io', 'ftp://abc.ngrok.io', 'https://abc.ngrok.io/?x=1'])('refuses the base URL %j', (base) => {
    expect(thrownBy(() => buildDescriptor(source(), base)).code).toBe('OPTION_INVALID');
  });
});
