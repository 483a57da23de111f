import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isConnectError, silentLogger } from 'hipchat-connect';
import { startEmulator, type Emulator, type HostInstallation } from 'hipchat-connect/emulator';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { startRoundRobinProxy, type Proxy } from '../../support/round-robin-proxy';
import type { AddonProcessTask, LifecycleReport } from './addon-process';

const REGISTER_TS = path.join(__dirname, '..', '..', 'support', 'register-ts.js');
const PROCESSES = 3;
const LOAD_MS = 6000;

interface Webhook { oauthId: string; sentAt: number; status: number; code?: string }

/**
 * Three add-on processes (child processes) behind a round-robin load balancer, on one Redis, under a
 * mixed load of installs, updates, uninstalls, webhooks and sends (webhooks whose handler calls the
 * REST API with a token from the shared store), all at once.
 */
describe('several add-on processes on one Redis', () => {
  let redis: TestRedis;
  let emulator: Emulator;
  let children: ChildProcess[];
  let proxy: Proxy;

  beforeAll(async () => {
    redis = connectTestRedis();
    emulator = await startEmulator({ logger: silentLogger, rateLimit: { limit: 100_000 }, floodControl: { limit: 100_000 } });
    const task: AddonProcessTask = { redisUrl: process.env.REDIS_URL!, prefix: redis.prefix };
    children = Array.from({ length: PROCESSES }, () =>
      fork(path.join(__dirname, 'addon-process.ts'), [JSON.stringify(task)], { execArgv: ['-r', REGISTER_TS], stdio: 'inherit' }));
    const urls = await Promise.all(children.map((child) => nextMessage<{ url: string }>(child, 'ready')));
    proxy = await startRoundRobinProxy(urls.map(({ url }) => url));
  }, 60_000);
  afterAll(async () => {
    for (const child of children ?? []) if (child.exitCode === null) child.kill();
    await proxy?.close();
    await emulator?.close();
    await redis?.cleanup();
  });

  it('gives one installed per install, refuses webhooks 1 s after an uninstall, and answers no 5xx', async () => {
    const descriptorUrl = `${proxy.url}/atlassian-connect.json`;
    const rooms = emulator.rooms.map((room) => room.id);
    const lasting: HostInstallation[] = [];
    const doomed: HostInstallation[] = [];
    const uninstalledAt = new Map<string, number>();
    const all = new Map<string, HostInstallation>();
    const answers: Array<{ what: string; status: number }> = [];
    const webhooks: Webhook[] = [];
    let installs = 0;
    let updates = 0;
    let updated = 0;

    const install = async (into: HostInstallation[]) => {
      const installation = await emulator.install({ descriptorUrl, roomId: rooms[installs++ % rooms.length] }).catch(refusal('install'));
      if (!installation) return;
      all.set(installation.oauthId, installation);
      into.push(installation);
    };
    const webhook = async (installation: HostInstallation, text: string) => {
      const sentAt = Date.now();
      const answer = await fetch(`${proxy.url}/webhooks/${text === '/notify' ? 'notify' : 'weather'}`, {
        method: 'POST',
        // Signed here rather than by the emulator, which signs nothing for an installation it removed.
        headers: { 'content-type': 'application/json', authorization: `JWT ${hostToken({ ...installation, tokenUrl: '', apiUrl: '' })}` },
        body: JSON.stringify(roomMessagePayload(installation.oauthId, text)),
      });
      const body = (await answer.text().then((text) => (text ? JSON.parse(text) : {}))) as { error?: { code?: string } };
      webhooks.push({ oauthId: installation.oauthId, sentAt, status: answer.status, ...(body.error ? { code: body.error.code } : {}) });
    };
    const refusal = (what: string) => (error: unknown) => {
      answers.push({ what, status: isConnectError(error) ? Number(error.details?.status ?? error.status) : 0 });
      return undefined;
    };
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

    for (let index = 0; index < 3; index++) await install(lasting);
    let running = true;
    const loop = (step: () => Promise<void>) => (async () => {
      while (running) await step();
    })();
    const loops = [
      loop(() => install(Math.random() < 0.5 ? lasting : doomed)),
      loop(async () => {
        const installation = pick(lasting)!;
        updates += 1;
        if (await emulator.update(installation.oauthId).catch(refusal('update'))) updated += 1;
      }),
      loop(async () => {
        const installation = doomed.shift();
        if (!installation) return void (await delay(20));
        const answer = await emulator.uninstall(installation.oauthId);
        answers.push({ what: 'uninstall', status: answer.status });
        if (answer.status === 204) uninstalledAt.set(installation.oauthId, Date.now());
      }),
      // Webhooks to any installation, gone or not; sends to the ones that stay.
      ...[1, 2].map(() => loop(() => webhook(pick([...lasting, ...[...uninstalledAt.keys()].map((id) => all.get(id)!)])!, '/weather Oslo'))),
      loop(() => webhook(pick(lasting)!, '/notify')),
    ];
    await delay(LOAD_MS);
    running = false;
    await Promise.all(loops);

    const reports = await Promise.all(children.map((child) => {
      const report = nextMessage<{ report: LifecycleReport }>(child, 'report');
      child.send({ kind: 'report' });
      return report.then((message) => message.report);
    }));
    const installedEvents = reports.flatMap((report) => report.installed).sort();
    const acknowledged = [...all.keys()].sort();
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(installedEvents).toEqual(acknowledged);
    expect(reports.flatMap((report) => report.updated)).toHaveLength(updated);
    expect(reports.flatMap((report) => report.uninstalled).sort()).toEqual([...uninstalledAt.keys()].sort());

    const acceptedAfterUninstall = webhooks.filter((sent) => {
      const gone = uninstalledAt.get(sent.oauthId);
      return gone !== undefined && sent.sentAt > gone + 1000 && sent.status === 200;
    });
    const serverErrors = [...answers, ...webhooks.map((sent) => ({ what: 'webhook', status: sent.status, code: sent.code }))].filter((answer) => answer.status >= 500 || answer.status === 0);
    const volume = { installs: acknowledged.length, updates, uninstalls: uninstalledAt.size, webhooks: webhooks.length };
    expect({ ...volume, acceptedAfterUninstall, serverErrors }).toEqual({ ...volume, acceptedAfterUninstall: [], serverErrors: [] });
    expect(volume.uninstalls).toBeGreaterThan(3);
    expect(webhooks.filter((sent) => uninstalledAt.has(sent.oauthId) && sent.sentAt > uninstalledAt.get(sent.oauthId)! + 1000).length).toBeGreaterThan(0);
    expect(emulator.history(rooms[0]!).length).toBeGreaterThan(0);
  }, 60_000);
});

function nextMessage<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`an add-on process exited (${code}) before saying ${kind}`));
    child.once('exit', onExit);
    child.on('message', function onMessage(message: { kind?: string }) {
      if (message?.kind !== kind) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(message as T);
    });
  });
}
