import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Cluster, Redis } from 'ioredis';
import request from 'supertest';
import { isConnectError, type Installation } from 'hipchat-connect';
import { installationKeys } from '../../../lib/stores/redis-layout';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { redisStore, startStack, type Stack } from '../../support/stack';

/** What the scenario needs of a topology: clients, and a master to kill. */
export interface FailoverTopology {
  /** A new client, as one add-on process makes it. */
  client(): Redis | Cluster;
  /** The port of the master serving `key`. */
  masterOf(key: string): Promise<number>;
  kill(port: number): Promise<void>;
  /** Resolves once a replica took over from `port`. */
  failedOver(port: number): Promise<void>;
}

interface Outcome { kind: 'install' | 'send' | 'webhook'; startedAt: number; endedAt: number; code?: string }

/** After the promotion, clients take a moment to find the new master (ioredis retries with backoff). */
const RECONNECT_GRACE_MS = 4000;

/**
 * A master killed (SIGKILL) while installs, token requests and webhooks run, in two add-on processes:
 * A installs and sends; B, whose cache holds two installations at most so it keeps reading Redis,
 * answers webhooks. Then: no acknowledged install lost; failures only between the kill and shortly
 * after the promotion, each STORE_UNAVAILABLE; and an uninstall on A reaching B's cache through the
 * change feed, which must therefore be back on the new master.
 */
export function describeFailover(name: string, topology: () => FailoverTopology): void {
  describe(`a fail-over on ${name} under load`, () => {
    const prefix = `failover:${randomBytes(4).toString('hex')}:`;
    let clients: Array<Redis | Cluster>;
    let a: Stack;
    let b: Stack;

    beforeAll(async () => {
      clients = [topology().client(), topology().client()];
      for (const client of clients) client.on('error', () => undefined); // the fail-over is the point
      // Limits high enough for the notifications sent here, which is not what this file tests.
      const setup = { emulator: { rateLimit: { limit: 100_000 }, floodControl: { limit: 100_000 } } };
      [a, b] = await Promise.all([startStack({ store: redisStore(clients[0]!, prefix) }, setup), startStack({ store: redisStore(clients[1]!, prefix), cache: { max: 2 } }, setup)]);
    });
    afterAll(async () => {
      await Promise.allSettled([a?.close(), b?.close()]);
      for (const client of clients) client.disconnect();
    });

    it('loses no acknowledged write, fails only inside the window with STORE_UNAVAILABLE, and invalidates across processes after', async () => {
      const installed: Installation[] = [];
      const outcomes: Outcome[] = [];
      const rooms = a.emulator.rooms.map((room) => room.id);
      const install = async () => {
        const { oauthId } = await a.emulator.install({ descriptorUrl: a.descriptorUrl, roomId: rooms[installed.length % rooms.length] });
        installed.push((await a.store.fetchInstallation(oauthId))!);
      };
      for (let index = 0; index < 4; index++) await install();
      const victimKey = installationKeys(prefix, installed[0]!.oauthId).installation;
      const master = await topology().masterOf(victimKey);

      let running = true;
      const loop = (kind: Outcome['kind'], step: () => Promise<void>) => (async () => {
        while (running) {
          const startedAt = Date.now();
          const code = await step().then(() => undefined, codeOf);
          outcomes.push({ kind, startedAt, endedAt: Date.now(), ...(code ? { code } : {}) });
          await delay(code ? 50 : 10);
        }
      })();
      const pick = () => installed[Math.floor(Math.random() * installed.length)]!;
      const loops = [
        loop('install', install),
        // A fresh client each time reads the token from the store, and fetches one for a new installation.
        loop('send', async () => {
          const installation = pick();
          await a.addon.client(installation).rooms.notify(installation.roomId!, 'during the fail-over');
        }),
        loop('webhook', async () => {
          const installation = pick();
          const answer = await request(b.served.url).post('/webhooks/weather')
            .set('authorization', `JWT ${hostToken(installation)}`).send(roomMessagePayload(installation.oauthId, '/weather Oslo'));
          if (answer.status !== 200) throw Object.assign(new Error(`webhook answered ${answer.status}`), { code: answer.body?.error?.code ?? String(answer.status) });
        }),
      ];
      await delay(1000);
      const killedAt = Date.now();
      await topology().kill(master);
      await topology().failedOver(master);
      const promotedAt = Date.now();
      await delay(RECONNECT_GRACE_MS + 2000);
      running = false;
      await Promise.all(loops);

      const failures = outcomes.filter((outcome) => outcome.code !== undefined);
      // An operation under way at the kill may fail too, so the window is about its end, not its start.
      const late = failures.filter((failure) => failure.endedAt < killedAt || failure.startedAt > promotedAt + RECONNECT_GRACE_MS)
        .map(({ kind, code, startedAt, endedAt }) => ({ kind, code, startedAfterKillMs: startedAt - killedAt, endedAfterKillMs: endedAt - killedAt }));
      const summary = { killedAfterMs: killedAt - outcomes[0]!.startedAt, windowMs: promotedAt - killedAt, operations: outcomes.length, failures: failures.length };
      expect({ ...summary, late, codes: [...new Set(failures.map((failure) => failure.code))] })
        .toEqual({ ...summary, late: [], codes: failures.length === 0 ? [] : ['STORE_UNAVAILABLE'] });
      // Each kind worked after the fail-over too, not only before it.
      const recovered = new Set(outcomes.filter((outcome) => outcome.startedAt > promotedAt + RECONNECT_GRACE_MS && !outcome.code).map((outcome) => outcome.kind));
      expect([...recovered].sort()).toEqual(['install', 'send', 'webhook']);
      // Every install the host heard "yes" to is still there, read from Redis and not from a cache.
      const missing: string[] = [];
      for (const { oauthId } of installed) if (!(await b.store.fetchInstallation(oauthId))) missing.push(oauthId);
      expect({ acknowledged: installed.length, missing }).toEqual({ acknowledged: installed.length, missing: [] });

      await expectInvalidationAcross(a, b, installed.at(-1)!, clients[0]!, prefix);
    }, 60_000);
  });
}

/** B holds the installation in its cache; A's uninstall must make B refuse it within a second. */
async function expectInvalidationAcross(a: Stack, b: Stack, installation: Installation, redis: Redis | Cluster, prefix: string): Promise<void> {
  const sendToB = () => request(b.served.url).post('/webhooks/weather')
    .set('authorization', `JWT ${hostToken(installation)}`).send(roomMessagePayload(installation.oauthId, '/weather Oslo'));
  expect((await sendToB()).status).toBe(200);
  // Control: with the record gone behind the store's back (no notice), B still accepts from its cache,
  // so the refusal below comes from the change feed and not from B reading Redis again.
  const key = installationKeys(prefix, installation.oauthId).installation;
  const record = (await redis.get(key))!;
  await redis.del(key);
  expect((await sendToB()).status).toBe(200);
  await redis.set(key, record);
  expect((await a.emulator.uninstall(installation.oauthId)).status).toBe(204);
  const deadline = Date.now() + 1000;
  let answer = await sendToB();
  while (answer.status === 200 && Date.now() < deadline) {
    await delay(20);
    answer = await sendToB();
  }
  expect([answer.status, answer.body.error?.code]).toEqual([401, 'JWT_UNKNOWN_ISSUER']);
}

/** The code a failed step ended with: a ConnectError's, the add-on's answer to an install, or the message. */
function codeOf(error: unknown): string {
  if (isConnectError(error)) {
    const body = error.details?.body;
    const parsed = typeof body === 'string' ? safeJson(body) : body;
    const answered = (parsed as { error?: { code?: string } } | undefined)?.error?.code;
    return answered ?? error.code;
  }
  return (error as { code?: string }).code ?? String(error);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
