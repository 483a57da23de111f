import type { ServerResponse } from 'node:http';
import { json } from '../../support/api-server';
import { printed, recordingLogger, serialise } from '../../support/recording-logger';
import { startClientFixture, type ClientFixture } from './fixture';

/**
 * What the REST client hands its logger (every level, raw, as an author's pino would print it) and the
 * errors it throws must never carry the installation's secret or an access token, whatever went wrong.
 */
let fixture: ClientFixture;
const { logger, entries } = recordingLogger();

beforeAll(async () => {
  fixture = await startClientFixture();
});
afterAll(() => fixture.close());

it('never logs or throws an oauthSecret or an access token, through retries, refusals and failures', async () => {
  const thrown: unknown[] = [];
  const client = fixture.client(fixture.atTestServer(), { logger, retry: { maxAttempts: 2 } });
  // A 429, then a 401 to the cached token, then 500s for ever.
  const answers = [
    (response: ServerResponse) => json(response, 429, {}, { 'Retry-After': '0' }),
    (response: ServerResponse) => json(response, 401, { error: { code: 401, type: 'Unauthorized', message: 'Invalid' } }),
  ];
  const failing = (response: ServerResponse) => json(response, 500, { error: { code: 500, type: 'Error', message: 'Oops' } });
  fixture.api.answer = (_request, response) => (answers.shift() ?? failing)(response);

  await client.rooms.notify(1, 'rate-limited, then refused, then sent').catch((error: unknown) => thrown.push(error));
  await client.rooms.get(1).catch((error: unknown) => thrown.push(error));
  fixture.stack.emulator.rotateSecret(fixture.installations[0]!.oauthId);
  await fixture.client(fixture.atTestServer(), { logger, scopes: ['view_room'] }).rooms.get(1).catch((error: unknown) => thrown.push(error));

  expect(thrown.map((error) => (error as { code?: string }).code)).toEqual(['HIPCHAT_API_ERROR', 'HIPCHAT_API_ERROR', 'INSTALLATION_GONE']);
  expect(entries.length).toBeGreaterThan(0);
  const secrets = [fixture.installations[0]!.oauthSecret, ...fixture.stack.emulator.log.tokensIssued.map((issued) => issued.token)];
  const everything = [...entries.map(printed), ...thrown.map((error) => serialise({ error }))];
  for (const secret of secrets) expect(everything.filter((line) => line.includes(secret))).toEqual([]);
});
