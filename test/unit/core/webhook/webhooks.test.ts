import { toHostPattern } from '../../../../lib/core/webhook/events';
import { WebhookRegistry } from '../../../../lib/core/webhook/registry';

describe('declaring webhooks', () => {
  it('names the option when a webhook is declared wrongly', () => {
    const registry = new WebhookRegistry();
    expect(() => registry.add('room_joined', {}, () => undefined)).toThrow('options.webhook event');
    expect(() => registry.add('room_enter', { pattern: /x/ }, () => undefined)).toThrow('options.webhook pattern');
    expect(() => registry.add('room_message', { pattern: /x/g }, () => undefined)).toThrow('options.webhook pattern');
    expect(() => registry.add('room_message', { pattern: /x/y }, () => undefined)).toThrow('options.webhook pattern');
    expect(() => registry.add('room_message', { pattern: 'x' as never }, () => undefined)).toThrow('options.webhook pattern');
    expect(() => registry.add('room_message', {}, 'handler' as never)).toThrow('options.webhook handler');
    registry.add('room_enter', { key: 'k' }, () => undefined);
    expect(() => registry.add('room_exit', { key: 'k' }, () => undefined)).toThrow('options.webhook key');
  });

  it('gives each declaration its own descriptor entry and URL, in declaration order', () => {
    const registry = new WebhookRegistry();
    registry.add('room_message', {}, () => undefined);
    registry.add('room_message', { key: 'weather', pattern: /^\/weather/i, name: 'Weather' }, () => undefined);
    registry.add('room_enter', {}, () => undefined);
    expect(registry.descriptorEntries((key) => `/webhooks/${key}`)).toEqual([
      { key: 'room-message-1', event: 'room_message', url: '/webhooks/room-message-1', authentication: 'jwt' },
      { key: 'weather', event: 'room_message', url: '/webhooks/weather', authentication: 'jwt', pattern: '(?i)^\\/weather', name: 'Weather' },
      { key: 'room-enter-3', event: 'room_enter', url: '/webhooks/room-enter-3', authentication: 'jwt' },
    ]);
  });
});

describe('toHostPattern', () => {
  it.each([
    [/^\/weather/, '^\\/weather'],
    [/^\/weather/i, '(?i)^\\/weather'],
    [/^a.b$/ims, '(?ims)^a.b$'],
    [/^\/w (?<city>.+)$/u, '^\\/w (?<city>.+)$'],
  ])('writes %s as the host reads it', (pattern, host) => {
    expect(toHostPattern(pattern)).toBe(host);
  });
});
