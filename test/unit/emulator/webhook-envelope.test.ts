import { buildEnvelope, overriddenText, type EnvelopeInput } from '../../../lib/emulator/webhook-envelope';
import { seedWorld } from '../../../lib/emulator/world';

const world = seedWorld();
const [ada, grace] = world.users as [typeof world.users[0], typeof world.users[0]];
const lobby = world.rooms[0] as typeof world.rooms[0];
const apiUrl = 'http://127.0.0.1:8008/v2';

function input(overrides: Partial<EnvelopeInput> = {}): EnvelopeInput {
  return {
    event: 'room_message', webhookId: 4, oauthId: 'client-1', room: lobby, sender: ada, users: world.users,
    apiUrl, now: Date.UTC(2015, 0, 20, 22, 45, 6, 662), text: '/weather Paris', ...overrides,
  };
}

const roomReference = {
  id: lobby.id,
  is_archived: false,
  links: { participants: `${apiUrl}/room/1/participant`, self: `${apiUrl}/room/1`, webhooks: `${apiUrl}/room/1/webhook` },
  name: 'Lobby',
  privacy: 'public',
  version: lobby.version,
};

describe('buildEnvelope', () => {
  it('builds a room_message envelope shaped like HipChat\'s', () => {
    expect(buildEnvelope(input())).toEqual({
      event: 'room_message',
      webhook_id: 4,
      oauth_client_id: 'client-1',
      item: {
        message: {
          date: '2015-01-20T22:45:06.662+00:00',
          from: { id: ada.id, links: { self: `${apiUrl}/user/1` }, mention_name: 'Ada', name: 'Ada Lovelace', version: ada.version },
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          mentions: [],
          message: '/weather Paris',
          type: 'message',
        },
        room: roomReference,
      },
    });
  });

  it('lists the users the text @mentions, and only users that exist', () => {
    const envelope = buildEnvelope(input({ text: 'hi @Grace and @Nobody' }));
    const message = envelope.item.message as { mentions: Array<{ id: number }> };
    expect(message.mentions.map((user) => user.id)).toEqual([grace.id]);
  });

  it('sends a room_notification from the integration name, with format and colour', () => {
    const message = buildEnvelope(input({ event: 'room_notification' })).item.message;
    expect(message).toMatchObject({ from: 'Emulator', message_format: 'html', color: 'yellow', type: 'notification', message: '/weather Paris' });
  });

  it.each([
    ['room_enter', {}],
    ['room_exit', {}],
    ['room_archived', {}],
    ['room_topic_change', { topic: lobby.topic }],
    ['room_file_upload', { file: expect.objectContaining({ name: 'notes.txt' }) }],
  ] as const)('gives %s a room and a sender', (event, extra) => {
    const item = buildEnvelope(input({ event })).item;
    expect(item).toEqual({ room: roomReference, sender: expect.objectContaining({ id: ada.id, mention_name: 'Ada' }), ...extra });
  });

  it('lets a test replace fields, merging objects one level deep', () => {
    const item = buildEnvelope(input({ item: { message: { message: 'changed' }, room: { name: 'Elsewhere' }, extra: [1] } })).item;
    expect(item.message).toMatchObject({ message: 'changed', type: 'message' });
    expect(item.room).toMatchObject({ name: 'Elsewhere', id: lobby.id });
    expect(item.extra).toEqual([1]);
  });
});

describe('overriddenText', () => {
  it('reads item.message.message and nothing else', () => {
    expect(overriddenText({ message: { message: 'hi' } })).toBe('hi');
    expect(overriddenText({ message: 'hi' })).toBeUndefined();
    expect(overriddenText(undefined)).toBeUndefined();
  });
});
