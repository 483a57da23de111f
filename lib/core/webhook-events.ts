/** The ten webhook events of protocol section 7. */
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
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Only message events carry text, so only they take a pattern. */
export const MESSAGE_EVENTS: readonly WebhookEvent[] = ['room_message', 'room_notification'];

export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/**
 * A JavaScript regex as the host's Java-like dialect reads it: the `i` flag becomes the inline `(?i)`.
 * Named groups are written the same way in both.
 */
export function toHostPattern(pattern: RegExp): string {
  return pattern.flags.includes('i') ? `(?i)${pattern.source}` : pattern.source;
}
