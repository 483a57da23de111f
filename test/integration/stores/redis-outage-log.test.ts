import Redis from 'ioredis';
import { RedisStore } from 'hipchat-connect';
import { recordingLogger } from '../../support/recording-logger';
import { startOwnRedis, type OwnRedis } from '../../support/redis';
import { waitFor } from '../../support/wait-for';

/** What a store outage leaves in the log: a line when it starts and one when it ends, not one per retry. */
let server: OwnRedis;
beforeAll(async () => {
  server = await startOwnRedis();
});
afterAll(() => server.kill());

it('logs an outage once when it starts and once when it ends, with its length, and lets ioredis print nothing', async () => {
  const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  // No error listener of the test's own: ioredis would print every failed attempt if nobody listened.
  const client = new Redis(server.url, { retryStrategy: () => 50 });
  const { logger, entries } = recordingLogger();
  const store = new RedisStore(client, { logger, prefix: `outage-log:${Math.random()}:`, operationTimeoutMs: 200 });
  try {
    await store.setValue('o1', 'k', 'v');
    let attempts = 0;
    client.on('reconnecting', () => (attempts += 1));
    await server.stop();
    await waitFor(() => attempts >= 5);
    await expect(store.getValue('o1', 'k')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(entries.map((entry) => `${entry.level} ${entry.message}`)).toEqual([
      'warn Redis unavailable: store calls fail with STORE_UNAVAILABLE until it is back (ioredis keeps reconnecting)',
    ]);

    await server.start();
    await waitFor(() => entries.length === 2);
    expect(entries[1]).toMatchObject({ level: 'info', message: expect.stringMatching(/^Redis available again after \d+\.\d s$/), fields: { outageMs: expect.any(Number) } });
    expect(entries[1]!.fields.outageMs).toBeGreaterThanOrEqual(250);
    await expect(store.getValue('o1', 'k')).resolves.toBeUndefined(); // answered again (persistence is off: the value went with the server)
    expect(printed.mock.calls.filter((call) => String(call[0]).includes('[ioredis]'))).toEqual([]);
  } finally {
    await store.close();
    client.disconnect();
    printed.mockRestore();
  }
});

it('says nothing when the caller closes the client on purpose', async () => {
  const client = new Redis(server.url);
  const { logger, entries } = recordingLogger();
  const store = new RedisStore(client, { logger });
  await store.getValue('o1', 'k');
  await client.quit();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await store.close();
  expect(entries).toEqual([]);
});
