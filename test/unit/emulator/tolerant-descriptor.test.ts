import { tolerateUnknownMembers } from '../../../lib/emulator/tolerant-descriptor';

const base = () => ({
  key: 'com.example.ace', name: 'ACE', description: 'Written with ACE-HipChat', links: { self: 'http://127.0.0.1:3000/atlassian-connect.json' },
  capabilities: {
    hipchatApiConsumer: { scopes: ['send_notification'] },
    installable: { callbackUrl: 'http://127.0.0.1:3000/installable' },
    glance: [{ key: 'g', name: { value: 'G' }, icon: { url: 'http://127.0.0.1:3000/i.png', 'url@2x': 'http://127.0.0.1:3000/i.png' }, conditions: [] as unknown[] }],
  },
});

describe('tolerateUnknownMembers', () => {
  it('leaves out members HipChat did not know, and names them', () => {
    const served = { ...base(), baseUrl: 'http://127.0.0.1:3000', vendor: { name: 'V', url: 'http://v.example', logo: 'x' } };
    const { descriptor, ignored } = tolerateUnknownMembers(served, 'Invalid');
    expect(ignored.sort()).toEqual(['/baseUrl', '/vendor/logo']);
    expect(descriptor).not.toHaveProperty('baseUrl');
    expect(served).toHaveProperty('baseUrl');
  });

  it('keeps a member that belongs to another branch of a oneOf, dropping only the unknown one', () => {
    const served = base();
    served.capabilities.glance[0]!.conditions = [{ type: 'and', conditions: [{ condition: 'room_is_public' }], extra: true }];
    const { descriptor, ignored } = tolerateUnknownMembers(served, 'Invalid');
    expect(ignored).toEqual(['/capabilities/glance/0/conditions/0/extra']);
    expect(descriptor.capabilities?.glance?.[0]?.conditions).toEqual([{ type: 'and', conditions: [{ condition: 'room_is_public' }] }]);
  });

  it('refuses a descriptor that stays invalid, naming every problem it had as served', () => {
    const served: Record<string, unknown> = { ...base(), baseUrl: 'x' };
    delete served.key;
    expect(() => tolerateUnknownMembers(served, 'The descriptor is invalid')).toThrow(expect.objectContaining({
      code: 'DESCRIPTOR_INVALID', message: expect.stringMatching(/required property 'key'.*baseUrl|baseUrl.*required property 'key'/),
    }));
  });
});
