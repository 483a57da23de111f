import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

export interface TestRedis {
  redis: Redis;
  /** Unique to this connection; every key a test writes should start with it. */
  prefix: string;
  /** Deletes the keys under `prefix` (and nothing else), then closes the connection. */
  cleanup(): Promise<void>;
}

/** A client on the Redis that global-setup found or started, with a key prefix of its own. */
export function connectTestRedis(): TestRedis {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: run the tests through jest, whose global setup provides a Redis');
  const redis = new Redis(url);
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  return { redis, prefix, cleanup: () => deleteUnderPrefix(redis, prefix).finally(() => redis.quit()) };
}

export async function deleteUnderPrefix(redis: Redis, prefix: string): Promise<void> {
  // SCAN is fine in tests; the prefix is random hex, so it holds no glob characters.
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.unlink(...keys);
  }
}

/** A redis-server process of the test's own, for suites that stop, pause or restart Redis. */
export interface OwnRedis {
  url: string;
  port: number;
  /** Shuts the server down (SIGTERM) and waits until the process has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. */
  start(): Promise<void>;
  /** Ends it at once (SIGKILL) and waits until the process has exited. */
  kill(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing is answered. */
  pause(): void;
  resume(): void;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freeLoopbackPort();
  const url = `redis://127.0.0.1:${port}`;
  const directory = mkdtempSync(join(tmpdir(), 'hipchat-connect-redis-'));
  let server: ChildProcess | undefined = await spawnRedisServer(port, directory);
  const end = async (signal: NodeJS.Signals) => {
    const running = server;
    server = undefined;
    if (running) await signalAndWait(running, signal);
  };
  return {
    url,
    port,
    stop: () => end('SIGTERM'),
    kill: async () => {
      await end('SIGKILL');
      rmSync(directory, { recursive: true, force: true });
    },
    start: async () => {
      if (!server) server = await spawnRedisServer(port, directory);
    },
    pause: () => server?.kill('SIGSTOP'),
    resume: () => server?.kill('SIGCONT'),
  };
}

/**
 * Starts `redis-server` from PATH on 127.0.0.1 only, with persistence off; resolves once it answers.
 * `extra` comes first, so it may start with a configuration file (`[file, '--sentinel']`).
 */
export async function spawnRedisServer(port: number, directory: string, extra: string[] = []): Promise<ChildProcess> {
  const args = [...extra, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory];
  const server = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before answering:\n${output}`)));
  });
  const deadline = Date.now() + 10_000;
  const url = `redis://127.0.0.1:${port}`;
  while (!(await Promise.race([pingRedis(url), exited]))) {
    if (Date.now() > deadline) {
      await signalAndWait(server, 'SIGKILL');
      throw new Error(`redis-server on port ${port} did not answer within 10 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return server;
}

/** Whether a Redis answers PING at `url`, asked once with no retries. */
export async function pingRedis(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  redis.on('error', () => undefined); // a refused connection is an answer here, not an error
  try {
    await redis.connect();
  } catch {
    // Closed already; disconnect() now would arm a timer of ioredis's that holds the process for 2 s.
    return false;
  }
  try {
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A port nothing listens on right now, found by letting the OS pick one on loopback. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function signalAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGCONT'); // a paused server would not act on SIGTERM
  child.kill(signal);
  await exited;
}
