/**
 * `npm run bench`: the verified webhook route of the example add-on against a bare Express 5 app with
 * express.json() and no authentication. The add-on is loaded twice: as a server of its own (as the demo
 * runs it) and mounted in an Express app. All run in one child process; this process generates the
 * load, alternating between them round by round so machine noise falls on each. The last line is the
 * ratio of the standalone add-on's request rate to the bare app's.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { firstLine } from './first-line';
import type { BenchTargets } from './servers';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 50;
const NAMES = ['express', 'webhook', 'mounted'] as const;

interface Figures { requests: number; seconds: number; p50: number; p99: number }

async function main(): Promise<void> {
  const servers = fork(path.join(__dirname, 'servers.js'), [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  try {
    const targets = await firstLine<BenchTargets>(servers.stdout!);
    console.log(`payload ${Buffer.byteLength(targets.body)} bytes, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s each, alternating`);
    const figures: Record<(typeof NAMES)[number], Figures[]> = { express: [], webhook: [], mounted: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of NAMES) {
        const result = await load(targets[name], targets);
        figures[name].push(result);
        console.log(`round ${round}  ${name.padEnd(8)} ${line(result)}`);
      }
    }
    const total = (name: (typeof NAMES)[number]) => combine(figures[name]);
    for (const name of NAMES) console.log(`${name.padEnd(8)} ${line(total(name))}`);
    const ratio = (name: (typeof NAMES)[number]) => (rate(total(name)) / rate(total('express'))).toFixed(2);
    console.log(`mounted/express ratio: ${ratio('mounted')}`);
    console.log(`webhook/express ratio: ${ratio('webhook')}`);
  } finally {
    servers.kill();
  }
}

async function load(url: string, targets: BenchTargets): Promise<Figures> {
  const result = await autocannon({ url, method: 'POST', body: targets.body, headers: targets.headers, connections: CONNECTIONS, duration: SECONDS });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { requests: result.requests.total, seconds: result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}

function combine(list: Figures[]): Figures {
  return {
    requests: list.reduce((sum, f) => sum + f.requests, 0),
    seconds: list.reduce((sum, f) => sum + f.seconds, 0),
    p50: Math.max(...list.map((f) => f.p50)),
    p99: Math.max(...list.map((f) => f.p99)),
  };
}

const rate = (f: Figures) => f.requests / f.seconds;
const line = (f: Figures) => `${rate(f).toFixed(0).padStart(6)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms`;


main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
