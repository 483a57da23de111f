import type { Descriptor } from 'hipchat-connect';
import { descriptorChanges } from '../../../lib/dev/descriptor-changes';

const base = {
  key: 'com.example.a', name: 'A', description: 'An add-on', links: { self: 'https://a.example/atlassian-connect.json' },
  capabilities: {
    hipchatApiConsumer: { scopes: ['send_notification'] },
    installable: { callbackUrl: 'https://a.example/installable' },
    webhook: [{ event: 'room_message', pattern: '^/a', url: 'https://a.example/webhooks/a', authentication: 'jwt' }],
    glance: [{ key: 'g', name: { value: 'G' }, icon: { url: 'https://a.example/g.png', 'url@2x': 'https://a.example/g.png' } }],
  },
} as unknown as Descriptor;

const changed = (change: (copy: Descriptor & { capabilities: NonNullable<Descriptor['capabilities']> }) => void): Descriptor => {
  const copy = structuredClone(base) as Descriptor & { capabilities: NonNullable<Descriptor['capabilities']> };
  change(copy);
  return copy;
};

it('finds nothing between equal descriptors, whatever the order of their keys', () => {
  const reordered = JSON.parse(JSON.stringify({ capabilities: base.capabilities, links: base.links, description: base.description, name: base.name, key: base.key }));
  expect(descriptorChanges(base, reordered)).toEqual([]);
});

it('names added, removed and changed modules by kind and key, and webhooks by event and pattern', () => {
  const after = changed((copy) => {
    const [glance] = copy.capabilities.glance!;
    glance!.name = { value: 'Gee' };
    copy.capabilities.glance!.push({ key: 'status', name: { value: 'S' }, icon: glance!.icon });
    copy.capabilities.webhook = [];
    copy.capabilities.webPanel = [{ key: 'p', name: { value: 'P' }, url: 'https://a.example/p', location: 'hipchat.sidebar.right' }];
  });
  expect(descriptorChanges(base, after)).toEqual(['removed webhook "room_message ^/a"', 'changed glance "g"', 'added glance "status"', 'added webPanel "p"']);
});

it('names changed scopes and top-level fields', () => {
  const after = changed((copy) => {
    copy.capabilities.hipchatApiConsumer!.scopes.push('view_room');
    copy.name = 'A2';
    delete copy.capabilities.installable;
  });
  expect(descriptorChanges(base, after)).toEqual(['changed name', 'changed hipchatApiConsumer', 'removed installable']);
});
