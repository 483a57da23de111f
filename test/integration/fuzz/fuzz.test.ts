import fc from 'fast-check';
import type { Installation } from 'hipchat-connect';
import { roomMessagePayload } from '../../bench/payload';
import { anyJson, anyText, encodeSegment, forgedToken, isCodedRefusal, signAsIs, signedToken } from '../../support/fuzz-tokens';
import { hostToken } from '../../support/installations';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { redisStore, startStack, type Stack } from '../../support/stack';

/** A few thousand requests on a busy machine take a while; jest's default 20 s is not enough. */
const RUN_MS = 180_000;

/** What the add-on answered: the status and the body, parsed when it is JSON. */
interface Answer {
  status: number;
  body: unknown;
}

/**
 * The demo add-on on a RedisStore, standalone (its webhooks on the fast lane, its glances and pages in
 * Express), fed what fuzzing found (fixed regression inputs) and then a few thousand generated tokens
 * and bodies: every answer is a coded 4xx, or a 2xx for a valid request, never a 5xx. Unexpected
 * errors are logged, so the log is checked too.
 */
describe('fuzzed tokens and bodies', () => {
  let redis: TestRedis;
  let stack: Stack;
  let installation: Installation;
  const unexpected: string[] = [];

  beforeAll(async () => {
    redis = connectTestRedis();
    const logger = { debug() {}, info() {}, warn() {}, error: (_fields: object, message: string) => void unexpected.push(message) };
    stack = await startStack({ store: redisStore(redis.redis, redis.prefix), logger, limits: { bodyBytes: 16 * 1024 } }, { serving: 'standalone' });
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: stack.emulator.rooms[0]!.id });
    installation = (await stack.store.fetchInstallation(oauthId))!;
  });
  afterAll(async () => {
    await stack.close();
    await redis.cleanup();
  });
  afterEach(() => {
    expect(unexpected).toEqual([]);
  });

  async function webhook(token: string, body: string | Uint8Array<ArrayBuffer> = JSON.stringify(roomMessagePayload(installation.oauthId, '/weather Oslo')),
    headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${stack.served.url}/webhooks/weather`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, ...headers }, body,
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  }

  async function get(path: string, token: string): Promise<Answer> {
    const response = await fetch(`${stack.served.url}${path}?signed_request=${encodeURIComponent(token)}`);
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : undefined };
  }

  describe('regressions: inputs that answered 500', () => {
    const now = () => Math.floor(Date.now() / 1000);

    it('an unsigned token whose alg is an object: coded 401, and no error logged', async () => {
      const token = `${encodeSegment({ alg: { toString: 1 } })}.${encodeSegment({ iss: installation.oauthId, iat: now(), exp: now() + 60 })}.`;
      expect(await webhook(token)).toMatchObject({ status: 401, body: { error: { code: 'JWT_ALGORITHM_NOT_ALLOWED' } } });
    });

    it('an issuer holding a lone surrogate, on Redis: the same 401 as any unknown issuer', async () => {
      const token = hostToken({ ...installation, oauthId: '\ud800' });
      expect(await webhook(token)).toMatchObject({ status: 401, body: { error: { code: 'JWT_UNKNOWN_ISSUER' } } });
    });

    it.each(['/glances/forecast', '/pages/forecast-panel'])('a signed token whose context.room_id is an object, on %s: coded 401', async (path) => {
      const token = signAsIs(installation, { alg: 'HS256', typ: 'JWT' }, { iss: installation.oauthId, iat: now(), exp: now() + 60, context: { room_id: { a: 1 } } });
      expect(await get(path, token)).toMatchObject({ status: 401, body: { error: { code: 'JWT_CLAIM_INVALID', details: { claim: 'context.room_id' } } } });
    });

    it('a token not valid before an hour from now: coded 401', async () => {
      expect(await webhook(hostToken(installation, { nbf: now() + 3600 }))).toMatchObject({ status: 401, body: { error: { code: 'JWT_NOT_YET_VALID' } } });
    });
  });

  describe('generated (fast-check)', () => {
    it('refuses every forged token with a coded 401', async () => {
      await fc.assert(fc.asyncProperty(forgedToken(installation), async (token) => {
        const answer = await webhook(token);
        expect(answer.status).toBe(401);
        expect(isCodedRefusal(answer.status, answer.body)).toBe(true);
      }), { numRuns: 1000 });
    }, RUN_MS);

    it('answers validly signed tokens with claims of any type with a 2xx or a coded 401, on webhooks, glances and pages', async () => {
      const routes = fc.constantFrom('webhook', '/glances/forecast', '/pages/forecast-panel');
      await fc.assert(fc.asyncProperty(signedToken(installation), routes, async (token, route) => {
        const answer = route === 'webhook' ? await webhook(token) : await get(route, token);
        expect(answer.status < 300 || (answer.status === 401 && isCodedRefusal(answer.status, answer.body))).toBe(true);
      }), { numRuns: 1000 });
    }, RUN_MS);

    it('answers any body, type or encoding under a valid token with a 2xx or a coded 4xx', async () => {
      const valid = roomMessagePayload(installation.oauthId, '/weather Oslo');
      const item = valid.item as { message: Record<string, unknown>; room: Record<string, unknown> };
      const nearValid = fc.record({ message: anyJson, from: anyJson, room: anyJson, event: fc.oneof(fc.constant('room_message'), anyJson) })
        .map(({ message, from, room, event }) => JSON.stringify({ ...valid, event, item: { message: { ...item.message, message, from }, room } }));
      const text = fc.string({ unit: 'grapheme', maxLength: 200 }).map((words) => JSON.stringify({ ...valid, item: { ...item, message: { ...item.message, message: `/weather ${words}` } } }));
      const body = fc.oneof(anyJson.map((value) => JSON.stringify(value)), nearValid, text, fc.string({ maxLength: 100 }), fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)));
      const headers = fc.oneof(
        fc.constant({}),
        fc.record({ 'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd+json; charset=latin1') }),
        fc.record({ 'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'deflate, gzip') }),
      );
      await fc.assert(fc.asyncProperty(body, headers, async (sent, extra) => {
        const answer = await webhook(hostToken(installation), sent, extra);
        expect(answer.status < 300 || isCodedRefusal(answer.status, answer.body)).toBe(true);
      }), { numRuns: 1500 });
    }, RUN_MS);
  });

  it('still answers the genuine article', async () => {
    expect(await webhook(hostToken(installation))).toMatchObject({ status: 200, body: { message: 'Sunny in Oslo, 21°' } });
    // The generator's own strings, to be sure it reaches what the regressions found.
    expect(fc.sample(anyText, 200).some((value) => /[\ud800-\udfff]/.test(value))).toBe(true);
  });
});
