import type { Card, PatternMatch } from 'hipchat-connect';
import { keysOf } from '../../support/stack';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';
import { startClientFixture, type ClientFixture } from './fixture';

/**
 * Handlers that talk back to the host: a slash command typed into a room of the emulator reaches its
 * handler over real HTTP, with the add-on on real Redis; the handler's reply is posted to the room, and
 * a handler that answers later does so through `ctx.client`, whose calls the emulator checks against the
 * contract like any other.
 */
expectNoUnhandledRejections();
let fixture: ClientFixture;
const heard: Array<{ groups: PatternMatch['groups']; roomId: number; sender: string }> = [];
/** What handlers set off after answering, for the tests to await. */
const later: Array<Promise<void>> = [];

const forecastCard = (city: string, days: string): Card => ({
  style: 'application', id: `forecast-${city.toLowerCase()}`, title: `${city}: the next ${days} days`,
  description: { value: '<b>21°</b> and sunny', format: 'html' },
  attributes: [{ label: 'Wind', value: { label: 'light', style: 'lozenge-success' } }],
});

beforeAll(async () => {
  fixture = await startClientFixture({
    // Beside the example's /weather, an /outlook command that answers nothing at once and posts a card when ready.
    declare: (addon) => addon.webhook('room_message', { key: 'outlook', pattern: /^\/outlook\s+(?<city>\w+)\s+(?<days>\d+)$/ }, (ctx) => {
      const { city, days } = ctx.match.groups as { city: string; days: string };
      heard.push({ groups: ctx.match.groups, roomId: ctx.roomId, sender: ctx.sender.mention_name });
      later.push(new Promise(setImmediate).then(() => ctx.client.rooms.notify(ctx.roomId, { card: forecastCard(city, days), color: 'green' })));
    }),
  });
});
afterEach(() => fixture?.assertContract());
afterAll(() => fixture?.close());

it('a slash command reaches its handler with its captures, and the reply it returns appears in the room', async () => {
  const { deliveries, replies } = await fixture.stack.emulator.postMessage({ room: 'Lobby', user: '@Grace', message: '/weather Lisbon' });

  expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
  expect(replies).toEqual([expect.objectContaining({ type: 'notification', from: 'Weather', message: 'Sunny in Lisbon, 21°', color: 'green' })]);
  expect(fixture.stack.emulator.history(1).map((said) => said.message)).toEqual(['/weather Lisbon', 'Sunny in Lisbon, 21°']);
});

it('a handler that answers later posts a card through ctx.client, on a token kept in Redis', async () => {
  const before = fixture.stack.emulator.history(1).length;
  const { deliveries, replies } = await fixture.stack.emulator.postMessage({ room: 1, user: '@Alan', message: '/outlook Oslo 3' });
  expect(deliveries.map((delivery) => delivery.status)).toEqual([204]);
  expect(replies).toEqual([]);
  expect(heard).toEqual([{ groups: { city: 'Oslo', days: '3' }, roomId: 1, sender: 'Alan' }]);

  await Promise.all(later);
  expect(fixture.stack.emulator.history(1).slice(before + 1)).toEqual([expect.objectContaining({
    type: 'notification', from: 'Weather', color: 'green', card: forecastCard('Oslo', '3'), message: 'Oslo: the next 3 days\n21° and sunny',
  })]);
  const { oauthId } = fixture.installations[0]!;
  expect(fixture.tokenRequests()).toEqual([expect.objectContaining({ oauthId, status: 200 })]);
  expect(await keysOf(fixture.redis.redis, fixture.redis.prefix, oauthId)).toContainEqual(expect.stringMatching(/token:send_notification\+view_room$/));
});
