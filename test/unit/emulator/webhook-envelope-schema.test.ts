import { problemsWith } from '../../../lib/core/schemas';
import { WEBHOOK_EVENTS } from 'hipchat-connect';
import { buildEnvelope } from '../../../lib/emulator/webhook-envelope';
import { seedWorld } from '../../../lib/emulator/world';

const world = seedWorld();

// The emulator is the host this project's tests meet: what it sends must be what the add-on accepts.
describe.each(WEBHOOK_EVENTS)('the emulator\'s %s envelope', (event) => {
  it.each(world.rooms.map((room) => [room.name, room] as const))('validates against its schema (room %s)', (_name, room) => {
    const envelope = buildEnvelope({
      event, webhookId: 3, oauthId: 'client-1', room, sender: world.users[1]!, users: world.users,
      apiUrl: 'http://127.0.0.1:8008/v2', now: Date.UTC(2026, 0, 2, 3, 4, 5, 6), text: 'hi @Ada, /weather Paris',
    });
    expect(problemsWith(`events/${event}`, envelope)).toEqual([]);
  });
});
