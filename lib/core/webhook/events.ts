import type { WebhookEvent } from './payloads';

export type { WebhookEvent };

/**
 * The ten webhook events (docs/protocol.md#webhook-events), in the order of schemas/events/common.schema.json;
 * their type, WebhookEvent, is generated from that schema.
 */
export const WEBHOOK_EVENTS = [
  'room_message',
  'room_notification',
  'room_enter',
  'room_exit',
  'room_topic_change',
  'room_archived',
  'room_unarchived',
  'room_created',
  'room_deleted',
  'room_file_upload',
] as const satisfies readonly WebhookEvent[];

export type MessageEvent = 'room_message' | 'room_notification';

/** Only message events carry text, so only they take a pattern. */
export const MESSAGE_EVENTS: readonly WebhookEvent[] = ['room_message', 'room_notification'] satisfies MessageEvent[];

export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

export function isMessageEvent(event: WebhookEvent): event is MessageEvent {
  return MESSAGE_EVENTS.includes(event);
}

/** The flags both dialects share; the host reads them as a leading inline group such as `(?im)`. */
const SHARED_FLAGS = /[ims]/g;

/**
 * A JavaScript regex as the host's Java-like dialect reads it: the `i`, `m` and `s` flags become a
 * leading inline group. Named groups are written the same way in both.
 */
export function toHostPattern(pattern: RegExp): string {
  const flags = pattern.flags.match(SHARED_FLAGS)?.join('') ?? '';
  return flags === '' ? pattern.source : `(?${flags})${pattern.source}`;
}
