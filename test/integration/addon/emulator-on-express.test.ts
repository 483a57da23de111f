import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { freeLoopbackPort } from '../../support/redis';

/**
 * The emulator runs on the Express its user has (a peer dependency). This project runs the file on
 * Express 4 and on 5: a route that fails after an await must answer on both, where Express 4 alone
 * would leave the request waiting for ever.
 */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

const post = (route: string, body: unknown) => fetch(`${emulator.url}${route}`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000),
});

it('answers an install whose add-on cannot be reached, with the error body', async () => {
  const closedPort = await freeLoopbackPort();
  const response = await post('/emulator/installations', { url: `http://127.0.0.1:${closedPort}/atlassian-connect.json` });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(await response.json()).toEqual({ error: expect.objectContaining({ code: response.status, message: expect.any(String) }) });
});

it('answers a message posted to a room that does not exist, with the error body', async () => {
  const response = await post('/emulator/rooms/9999/messages', { user: 1, message: 'hello' });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 400, message: expect.stringContaining('9999') }) });
});
