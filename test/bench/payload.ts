import { randomUUID } from 'node:crypto';

/**
 * A realistic room_message envelope (docs/protocol.md#webhook-envelope) padded to about 1.5 KB, as a host
 * sends it.
 */
export function roomMessagePayload(oauthId: string, text: string): Record<string, unknown> {
  const base = 'https://api.hipchat.com/v2';
  return {
    event: 'room_message',
    webhook_id: 123,
    oauth_client_id: oauthId,
    item: {
      message: {
        date: '2026-11-21T10:45:06.662545+00:00',
        from: { id: 1661743, links: { self: `${base}/user/1661743` }, mention_name: 'Blinky', name: 'Blinky the Three Eyed Fish', version: '00000000' },
        id: randomUUID(),
        mentions: [],
        message: text,
        type: 'message',
        message_links: [{ type: 'link', url: 'https://example.com/forecast/paris', link: { url: 'https://example.com/forecast/paris', title: 'Forecast for Paris, seven days ahead', description: 'Sun all week with a light breeze from the west, highs of 21 and lows of 12; a chance of rain on Sunday evening.'.repeat(5) } }],
      },
      room: {
        id: 1147567,
        is_archived: false,
        links: { participants: `${base}/room/1147567/participant`, self: `${base}/room/1147567`, webhooks: `${base}/room/1147567/webhook` },
        name: 'The Weather Channel',
        privacy: 'public',
        version: 'X4PF5HQV',
      },
    },
  };
}
