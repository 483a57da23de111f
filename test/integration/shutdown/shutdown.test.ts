import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisStore, silentLogger } from 'hipchat-connect';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { startLaxHost, type LaxHost } from '../../support/lax-host';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { waitFor } from '../../support/wait-for';
import type { ChildMessage, ShutdownChildConfig } from './shutdown-child';

const REGISTER_TS = join(__dirname, '..', '..', 'support', 'register-ts.js');

interface Child {
  process: ChildProcess;
  url: string;
  started: string[];
  /** Resolves with the signal or code the child ended with. */
  exited: Promise<string>;
}

async function startChild(config: ShutdownChildConfig): Promise<Child> {
  const child = fork(join(__dirname, 'shutdown-child.ts'), [JSON.stringify(config)], { execArgv: ['-r', REGISTER_TS], stdio: 'inherit' });
  const started: string[] = [];
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if ('listening' in message) resolve(message.listening);
      else started.push(message.started);
    });
    void exited.then((how) => reject(new Error(`the child ended (${how}) before it listened`)));
  });
  return { process: child, url, started, exited };
}

/** An install as the host sends it; settles with the status, or with the error that ended the request. */
function install(url: string, host: LaxHost, oauthId: string): Promise<number | string> {
  return fetch(`${url}/installable`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ capabilitiesUrl: host.capabilitiesUrl, oauthId, oauthSecret: `secret-of-${oauthId}`, groupId: 1 }),
  }).then((response) => response.status, (error: Error) => (error.cause as Error | undefined)?.message ?? error.message);
}

/**
 * SIGTERM in the middle of work, on an add-on process of its own (its own Express, so this file runs
 * once, not once per Express major). Before, the process died at once:
 * requests in flight were dropped, and an install cut between its write and the end of its `installed`
 * listeners stayed stored although the host saw it fail (and had deleted its OAuth client).
 */
describe.each(['FileStore', 'RedisStore'] as const)('an add-on on the %s given SIGTERM', (kind) => {
  let host: LaxHost;
  let redis: TestRedis;
  let directory: string;
  let store: ShutdownChildConfig['store'];
  /** What the store holds for an oauthId, read after the child has gone. */
  let storedIds: () => Promise<string[]>;

  beforeAll(async () => {
    host = await startLaxHost(5);
    redis = connectTestRedis();
    directory = mkdtempSync(join(tmpdir(), 'shutdown-'));
  });
  beforeEach(() => {
    const prefix = `${redis.prefix}${Math.random().toString(36).slice(2)}:`;
    const file = join(directory, `${prefix.replace(/:/g, '-')}store.json`);
    store = kind === 'FileStore' ? { file } : { redisUrl: process.env.REDIS_URL!, prefix };
    storedIds = async () => {
      if (kind === 'FileStore') return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { installations: object }).installations);
      const reader = new RedisStore(redis.redis, { prefix, logger: silentLogger });
      const ids = ['fast-1', 'fast-2', 'fast-3', 'slow-1', 'slow-2', 'slow-3', 'late', 'webhook'];
      const found = await Promise.all(ids.map(async (id) => ((await reader.fetchInstallation(id)) ? id : undefined)));
      return found.filter((id): id is string => id !== undefined);
    };
  });
  afterAll(async () => {
    await host.close();
    await redis.cleanup();
    rmSync(directory, { recursive: true, force: true });
  });

  it('finishes a request in flight within the bound, keeps exactly the installs the host saw succeed, and exits by the signal', async () => {
    // The webhook (400 ms) ends within the bound (1500 ms); the slow installs' listeners (4 s) do not.
    const child = await startChild({ store, shutdownTimeoutMs: 1500, slowListenerMs: 4000, slowHandlerMs: 400 });
    const fast = await Promise.all(['fast-1', 'fast-2', 'fast-3'].map((id) => install(child.url, host, id)));
    expect(fast).toEqual([200, 200, 200]);
    const slow = ['slow-1', 'slow-2', 'slow-3'].map((id) => install(child.url, host, id));
    const installation = { oauthId: 'fast-1', oauthSecret: 'secret-of-fast-1', groupId: 1, capabilitiesUrl: '', tokenUrl: '', apiUrl: '', installedAt: '' };
    const webhook = fetch(`${child.url}/webhooks/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${hostToken(installation)}` },
      body: JSON.stringify(roomMessagePayload('fast-1', '/slow')),
    });
    await waitFor(() => child.started.length === 4);

    const signalledAt = Date.now();
    child.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const late = await install(child.url, host, 'late');

    const answered = await webhook;
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ message: 'finished' });
    const answers = await Promise.all(slow);
    expect(await child.exited).toBe('SIGTERM');
    expect(Date.now() - signalledAt).toBeLessThan(1500 + 5000 + 2000);

    // Past the bound the connections were cut: the host never heard a 200 for these, and none is stored.
    for (const answer of answers) expect(answer).not.toBe(200);
    expect(late).not.toBe(200);
    expect((await storedIds()).sort()).toEqual(['fast-1', 'fast-2', 'fast-3']);
  }, 90_000); // a child process that loads the sources as TypeScript takes a while to start on a busy machine
});
