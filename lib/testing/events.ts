import type { MessageEvent, WebhookEvent } from '../core/webhook/events';
import type { WebhookPayloads } from '../core/webhook/payloads';
import { isPlainObject } from '../emulator/plain-object';
import { buildEnvelope, overriddenText } from '../emulator/webhook-envelope';
import type { Room, User } from '../emulator/world';
import { FAKE } from './fakes';

/** Every member optional, at every depth; arrays are replaced whole. */
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * What a test changes in an event's item: members merged in at any depth (`undefined` removes one),
 * or, for message events, just the message text.
 */
type TestEventOverrides<E extends WebhookEvent> = DeepPartial<WebhookPayloads[E]['item']> | (E extends MessageEvent ? string : never);

const room: Room = { id: FAKE.roomId, name: 'Test Room', privacy: 'public', topic: 'Testing', is_archived: false, owner: FAKE.userId, participants: [FAKE.userId], version: 'R42V1', created: '2026-01-01T00:00:00Z' };
const user: User = {
  id: FAKE.userId, name: 'Tess Tester', mention_name: 'Tess', email: 'tess@example.com', title: 'Tester',
  is_group_admin: false, is_guest: false, timezone: 'UTC', version: 'U7V1',
};

/**
 * A payload of the event as a host sends it, valid against its schema: posted by user 7 ("@Tess") in
 * room 42 to the installation `fakeInstallation()` makes, unless the overrides say otherwise.
 *
 *   testEvent('room_message', '/weather Paris')
 *   testEvent('room_topic_change', { topic: 'Release day', sender: { name: 'Ada' } })
 */
export function testEvent<E extends WebhookEvent>(event: E, overrides?: TestEventOverrides<E>): WebhookPayloads[E] {
  const text = typeof overrides === 'string' ? overrides : overriddenText(overrides as Record<string, unknown> | undefined);
  const envelope = buildEnvelope({
    event, webhookId: 1, oauthId: FAKE.oauthId, room, sender: user, users: [user], apiUrl: FAKE.apiUrl,
    now: Date.parse('2026-01-01T12:00:00Z'), text: text ?? 'Hello, room',
  });
  const item = typeof overrides === 'object' ? merge(envelope.item, overrides) : envelope.item;
  // The emulator builds every event's item from one function; its shape per event is checked against the
  // schemas by test/unit/emulator/webhook-envelope-schema.test.ts.
  return { ...envelope, item } as unknown as WebhookPayloads[E];
}

function merge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    const current = base[name];
    if (value === undefined) delete merged[name];
    else merged[name] = isPlainObject(value) && isPlainObject(current) ? merge(current, value) : value;
  }
  return merged;
}
