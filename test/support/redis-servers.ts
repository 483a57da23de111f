import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort, signalAndWait, spawnRedisServer } from './redis';

/**
 * Several redis-server processes of one test file (a Cluster's nodes, a Sentinel set), each known by
 * its port and stopped by its PID, never by name: other developers' Redis servers run on this machine.
 */
export class RedisServers {
  readonly directory = mkdtempSync(join(tmpdir(), 'hipchat-connect-redis-set-'));
  private readonly running = new Map<number, ChildProcess>();
  /** A run that dies without its afterAll must still not leave servers behind. */
  private readonly onExit = () => {
    for (const server of this.running.values()) server.kill('SIGKILL');
  };

  constructor() {
    process.once('exit', this.onExit);
  }

  /** Starts them all at once; `args(port, index)` says how each is configured. */
  async start(ports: number[], args: (port: number, index: number) => string[]): Promise<void> {
    await Promise.all(ports.map(async (port, index) => {
      const directory = join(this.directory, String(port));
      mkdirSync(directory, { recursive: true });
      this.running.set(port, await spawnRedisServer(port, directory, args(port, index)));
    }));
  }

  /** SIGKILL, as a crash or a pulled plug: no goodbye to replicas, clients or sentinels. */
  async kill(port: number): Promise<void> {
    const server = this.running.get(port);
    this.running.delete(port);
    if (server) await signalAndWait(server, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running.keys()].map(async (port) => {
      const server = this.running.get(port)!;
      this.running.delete(port);
      await signalAndWait(server, 'SIGTERM');
    }));
    process.off('exit', this.onExit);
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** A replica's first sync starts at once instead of after Redis's default 5 s wait for more replicas. */
export const QUICK_SYNC = ['--repl-diskless-sync-delay', '0'];

/** `count` distinct free loopback ports; with `busOffset`, port + offset is free too (a Cluster's bus). */
export async function freePorts(count: number, busOffset?: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    const port = await freeLoopbackPort();
    if (ports.has(port)) continue;
    if (busOffset !== undefined && !(port + busOffset < 65536 && !ports.has(port + busOffset) && (await isFree(port + busOffset)))) continue;
    ports.add(port);
  }
  return [...ports];
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * Why the Cluster and Sentinel suites cannot run here, or undefined when they can: cluster mode came
 * with Redis 3.0, and the suites say so loudly rather than pass by skipping.
 */
export function missingRedisSupport(): string | undefined {
  const answer = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (answer.error || answer.status !== 0) return `redis-server is not on PATH (${answer.error?.message ?? answer.stderr})`;
  const major = Number(/v=(\d+)\./.exec(answer.stdout)?.[1]);
  if (!(major >= 3)) return `redis-server ${answer.stdout.trim()} has no cluster support (Redis 3.0 or newer needed)`;
  return undefined;
}

/** describe, or a loud describe.skip naming why. */
export function describeIfRedisSupports(name: string, body: () => void): void {
  const missing = missingRedisSupport();
  if (!missing) return describe(name, body);
  process.stderr.write(`\n!!! SKIPPED: ${name}: ${missing}. Install Redis 3.0+ (apt-get install redis-server) to run it.\n\n`);
  describe.skip(name, body);
}
