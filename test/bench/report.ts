import type { Target } from './servers';

/** One target's load in one round. */
export interface Figures {
  requests: number;
  seconds: number;
  /** Latencies in ms. */
  p50: number;
  p99: number;
  /** The servers' CPU time (every thread) per request answered. */
  serverCpuMicros: number;
  /** Over several rounds, the least of them: the round the rest of the machine disturbed least. */
  bestCpuMicros?: number;
  /** The load generator's CPU time over the round's wall time: near 1, it may be what limits the rate. */
  loadCpuShare: number;
}

/**
 * Each ratio: the target, the yardstick, and the least issue 11 asks for (none for the others:
 * webhook/express, what Express's prototype swaps alone cost the floor, and how near mounted comes to
 * the ceiling of any mounted middleware).
 */
const RATIOS: readonly (readonly [Target, Target, number | undefined])[] = [
  ['webhook', 'floor', 0.6],
  ['mounted', 'express-routing', 0.8],
  ['mounted', 'express', 1.1],
  ['webhook', 'express', undefined],
  ['floor-swapped', 'floor', undefined],
  ['express-floor', 'express-routing', undefined],
  ['mounted', 'express-floor', undefined],
];

/**
 * The table (rates over all rounds; latencies and CPU the median round's, and the best round's CPU), then the ratios of request
 * rates, each on a line of its own, then the same ratios from CPU per request, which machine noise
 * outside the servers' core disturbs less.
 */
export function printReport(figures: Partial<Record<Target, Figures[]>>): void {
  const totals = new Map(Object.entries(figures).map(([name, list]) => [name as Target, combine(list)]));
  console.log(`\n${'target'.padEnd(16)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'CPU µs/req'.padStart(12)}${'(best)'.padStart(8)}${'load gen CPU'.padStart(14)}`);
  for (const [name, total] of totals) {
    const cells = [rate(total).toFixed(0), total.p50.toFixed(2), total.p99.toFixed(2), total.serverCpuMicros.toFixed(1), total.bestCpuMicros!.toFixed(1)];
    console.log(`${name.padEnd(16)}${[8, 9, 9, 12, 8].map((width, index) => cells[index]!.padStart(width)).join('')}${`${(total.loadCpuShare * 100).toFixed(0)}%`.padStart(14)}`);
  }
  const present = RATIOS.filter(([a, b]) => totals.has(a) && totals.has(b));
  if (present.length === 0) return;
  const of = (name: Target) => totals.get(name)!;
  console.log('\nrequest-rate ratios (higher is faster):');
  for (const [a, b] of present) console.log(`${a}/${b} ratio: ${(rate(of(a)) / rate(of(b))).toFixed(2)}`);
  console.log('\nthe same from server CPU per request (yardstick µs / target µs):');
  for (const [a, b] of present) console.log(`${a}/${b} cpu ratio: ${(of(b).serverCpuMicros / of(a).serverCpuMicros).toFixed(2)}`);
  console.log('\ngoals of issue 11 (by request rate; by CPU per request):');
  for (const [a, b, least] of present) {
    if (least === undefined) continue;
    const byRate = rate(of(a)) / rate(of(b));
    const byCpu = of(b).serverCpuMicros / of(a).serverCpuMicros;
    console.log(`  ${`${a}/${b}`.padEnd(24)} ≥ ${least.toFixed(2)}  ${verdict(byRate >= least)}; ${verdict(byCpu >= least)}`);
  }
  for (const name of ['webhook', 'mounted'] as const) {
    if (totals.has(name) && totals.has('express')) {
      console.log(`  ${`${name} p99`.padEnd(24)} ≤ express p99 (${of('express').p99.toFixed(2)} ms)  ${verdict(of(name).p99 <= of('express').p99)}`);
    }
  }
  const saturated = [...totals].filter(([, total]) => total.loadCpuShare > 0.9).map(([name]) => name);
  if (saturated.length > 0) console.log(`\nnote: the load generator used over 90% of a core for ${saturated.join(', ')}; those rates may be its limit, not the server's (see the CPU ratios)`);
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function combine(list: Figures[]): Figures {
  return {
    requests: list.reduce((sum, f) => sum + f.requests, 0),
    seconds: list.reduce((sum, f) => sum + f.seconds, 0),
    p50: median(list.map((f) => f.p50)),
    p99: median(list.map((f) => f.p99)),
    serverCpuMicros: median(list.map((f) => f.serverCpuMicros)),
    bestCpuMicros: Math.min(...list.map((f) => f.serverCpuMicros)),
    loadCpuShare: median(list.map((f) => f.loadCpuShare)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const rate = (f: Figures) => f.requests / f.seconds;
