/**
 * `npm run bench`: the example add-on's verified webhook, as a server of its own (`webhook`, as the
 * demo runs it) and mounted in an Express 5 app (`mounted`), against four yardsticks in the same run:
 * the job's floor (node:http, JSON.parse, one HS256 HMAC), Express 5 routing alone, Express 5 with the
 * floor's job, and Express 5 with express.json(). Each target runs in a child process of its own, all
 * pinned to one core when they can be; this process generates the load, one target at a time, alternating round by round so that machine
 * noise falls on each alike. Each request carries a token of its own from a pool of freshly signed ones.
 * Ratios of request rates from the same run are the figures to compare across machines.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { fakeInstallation } from '../../lib/testing';
import { benchOptions, type BenchOptions } from './options';
import { summariseProfile, type ProfileWindow } from './profile-summary';
import { printReport, type Figures } from './report';
import type { BenchServer, CpuReport, Target } from './servers';
import { tokenPool } from './tokens';
import { firstLine } from './first-line';

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  const pinned = options.pin && canPin();
  if (pinned) execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  const servers = new Map(options.targets.map((name) => [name, startServer(name, pinned, options.profile)]));
  const windows: ProfileWindow[] = [];
  try {
    const targets = new Map(await Promise.all([...servers].map(async ([name, child]) => [name, await firstLine<BenchServer>(child.stdout!)] as const)));
    const tokens = tokenPool(fakeInstallation());
    console.log(conditions(options, pinned, Buffer.byteLength(targets.values().next().value!.body), tokens.length));
    const load = loader(targets, servers, tokens, options);
    for (const name of options.targets) await load(name, 1); // warm-up: JIT, caches, connections
    const figures = Object.fromEntries(options.targets.map((name) => [name, [] as Figures[]])) as Record<Target, Figures[]>;
    for (let round = 1; round <= options.rounds; round++) {
      for (const name of options.targets) {
        const result = await load(name, options.seconds);
        figures[name].push(result);
        windows.push({ target: name, from: result.window[0], to: result.window[1] });
        console.log(`round ${round}  ${name.padEnd(15)} ${Math.round(result.requests / result.seconds).toString().padStart(6)} req/s  ${result.serverCpuMicros.toFixed(1).padStart(6)} µs CPU/request`);
      }
    }
    printReport(figures);
  } finally {
    await Promise.all([...servers.values()].map((child) => {
      child.disconnect();
      return new Promise((resolve) => child.once('exit', resolve));
    }));
  }
  if (options.profile) console.log(summariseProfile(options.profile, windows));
}

function loader(targets: ReadonlyMap<Target, BenchServer>, servers: ReadonlyMap<Target, ChildProcess>, tokens: string[], options: BenchOptions) {
  let next = 0;
  // One token per request, shared round-robin by every connection: no token is sent twice in a row.
  const setupRequest = (request: autocannon.Request) => {
    request.headers = { 'content-type': 'application/json', authorization: `JWT ${tokens[next++ % tokens.length]}` };
    return request;
  };
  return async (name: Target, seconds: number): Promise<Figures & { window: [number, number] }> => {
    const server = servers.get(name)!;
    const { url, body } = targets.get(name)!;
    const before = await serverCpu(server);
    const ownBefore = process.cpuUsage();
    const result = await autocannon({
      url, method: 'POST', body, connections: options.connections, duration: seconds, requests: [{ setupRequest }],
    });
    const own = process.cpuUsage(ownBefore);
    const after = await serverCpu(server);
    if (result.errors > 0 || result.non2xx > 0) throw new Error(`${name}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
    const requests = result.requests.total;
    return {
      requests, seconds: result.duration, p50: result.latency.p50, p99: result.latency.p99,
      serverCpuMicros: (after.cpuMicros - before.cpuMicros) / requests, loadCpuShare: (own.user + own.system) / (result.duration * 1e6),
      window: [before.atMicros, after.atMicros],
    };
  };
}

function conditions(options: BenchOptions, pinned: boolean, bodyBytes: number, poolSize: number): string {
  return [
    `hipchat-connect webhook bench: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadAverage()}`,
    `room_message ${bodyBytes} bytes; every request its own token from a pool of ${poolSize} freshly signed (distinct jti and iat)`,
    `${options.connections} connections, ${options.rounds} rounds × ${options.seconds} s per target after a 1 s warm-up, targets alternating`,
    `each target in a process of its own; ${pinned ? 'the targets pinned to core 1, the load generator to core 0 (taskset)' : 'not pinned: targets and load generator share the cores'}`,
  ].join('\n');
}

function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' ');
}

function canPin(): boolean {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function startServer(target: Target, pinned: boolean, profileDir: string | undefined): ChildProcess {
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${target}.cpuprofile`] : [];
  const node = [...profiling, path.join(__dirname, 'servers.js'), target];
  const [command, args] = pinned ? ['taskset', ['-c', '1', process.execPath, ...node]] : [process.execPath, node];
  return spawn(command as string, args as string[], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
}

function serverCpu(servers: ChildProcess): Promise<CpuReport> {
  return new Promise((resolve) => {
    servers.once('message', (report) => resolve(report as CpuReport));
    servers.send('cpu');
  });
}


main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
