/**
 * `npm run bench:scale`: the verified webhook route over 100,000 installations in Redis, webhooks spread
 * uniformly over them, against the same load over 10 installations (which all fit in the installation
 * cache). Rounds alternate between the two so machine noise falls on each. Prints the server process's
 * RSS at the start, every 30 s and at the end; Redis GETs per webhook (counted by Redis itself, on a
 * redis-server of the benchmark's own); the cache's hits and misses; and the req/s ratio many/few.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import type { Installation } from '../../lib/core/installation';
import { installationKeys } from '../../lib/stores/redis-layout';
import { fakeInstallation, signHostToken } from '../../lib/testing';
import { startOwnRedis } from '../support/redis';
import { firstLine } from './first-line';
import { roomMessagePayload } from './payload';
import type { ScaleStats, ScaleTargets } from './scale-servers';

const MANY = Number(process.env.BENCH_INSTALLATIONS ?? 100_000);
const FEW = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 5;
const PREFIXES = { many: 'scale:', few: 'few:' };
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const own = await startOwnRedis();
  const redis = new Redis(own.url);
  const servers = fork(path.join(__dirname, 'scale-servers.js'), [own.url, JSON.stringify(PREFIXES)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv: ['--expose-gc'] });
  try {
    const seeded = Date.now();
    const many = await seed(redis, PREFIXES.many, MANY);
    const few = await seed(redis, PREFIXES.few, FEW);
    console.log(`seeded ${MANY} + ${FEW} installations in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    const targets = await firstLine<ScaleTargets>(servers.stdout!);
    const stats = () => statsOf(servers);
    // JIT and heap sizing settle first, so the growth below is what the installations cost.
    await load(targets.few, few, WARM_UP_SECONDS);
    const started = Date.now();
    const first = await stats();
    console.log(`RSS at start (after ${WARM_UP_SECONDS} s of warm-up): ${memory(first)}`);
    let peak = first.rss;
    const sampler = setInterval(() => void stats().then((now) => {
      peak = Math.max(peak, now.rss);
      console.log(`RSS at ${Math.round((Date.now() - started) / 1000)} s: ${memory(now)}`);
    }), 30_000);
    const totals = { many: { requests: 0, seconds: 0, gets: 0 }, few: { requests: 0, seconds: 0, gets: 0 } };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, installations] of [['many', many], ['few', few]] as const) {
        const before = await getCalls(redis);
        const result = await load(targets[name], installations);
        const gets = (await getCalls(redis)) - before;
        Object.assign(totals[name], { requests: totals[name].requests + result.requests, seconds: totals[name].seconds + result.seconds, gets: totals[name].gets + gets });
        console.log(`round ${round}  ${name.padEnd(4)} ${(result.requests / result.seconds).toFixed(0).padStart(6)} req/s  p99 ${result.p99} ms  ${(gets / result.requests).toFixed(3)} Redis GETs per webhook`);
      }
    }
    clearInterval(sampler);
    const last = await stats();
    peak = Math.max(peak, last.rss);
    console.log(`RSS at the end (${Math.round((Date.now() - started) / 1000)} s): ${memory(last)}; growth ${((last.rss - first.rss) / MB).toFixed(1)} MB (JS heap ${((last.heapUsed - first.heapUsed) / MB).toFixed(1)} MB), peak ${(peak / MB).toFixed(1)} MB`);
    for (const name of ['many', 'few'] as const) {
      const cache = last[name].installationCache;
      console.log(`${name.padEnd(4)} cache: ${cache.hits} hits, ${cache.misses} misses, ${cache.size}/${cache.max} held; ${(totals[name].gets / totals[name].requests).toFixed(3)} Redis GETs per webhook`);
    }
    const rate = (name: 'many' | 'few') => totals[name].requests / totals[name].seconds;
    console.log(`many/few ratio: ${(rate('many') / rate('few')).toFixed(2)} (${rate('many').toFixed(0)} vs ${rate('few').toFixed(0)} req/s)`);
  } finally {
    servers.kill();
    redis.disconnect();
    await own.kill();
  }
}

/** Writes the records as RedisStore lays them out, pipelined: the benchmark measures reads, not installs. */
async function seed(redis: Redis, prefix: string, count: number): Promise<Installation[]> {
  const installations: Installation[] = [];
  for (let start = 0; start < count; start += 5000) {
    const pipeline = redis.pipeline();
    for (let index = start; index < Math.min(count, start + 5000); index++) {
      const installation = fakeInstallation({ oauthId: `${prefix}${index}`, oauthSecret: `secret-${index}-0123456789abcdef0123456789` });
      installations.push(installation);
      pipeline.set(installationKeys(prefix, installation.oauthId).installation, JSON.stringify(installation));
    }
    await pipeline.exec();
  }
  return installations;
}

/** Each request for a uniformly drawn installation, with a token signed for it just now. */
async function load(url: string, installations: Installation[], seconds = SECONDS): Promise<{ requests: number; seconds: number; p99: number }> {
  const template = JSON.stringify(roomMessagePayload('__OAUTH_ID__', '/weather Paris'));
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: seconds,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        const installation = installations[Math.floor(Math.random() * installations.length)]!;
        return {
          ...request,
          headers: { 'content-type': 'application/json', authorization: `JWT ${signHostToken(installation)}` },
          body: template.replace('__OAUTH_ID__', installation.oauthId),
        };
      },
    }],
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return { requests: result.requests.total, seconds: result.duration, p99: result.latency.p99 };
}

const memory = (stats: ScaleStats) =>
  `${(stats.rss / MB).toFixed(1)} MB (JS heap ${(stats.heapUsed / MB).toFixed(1)} MB used of ${(stats.heapTotal / MB).toFixed(1)} MB, external ${(stats.external / MB).toFixed(1)} MB)`;

/** GETs Redis has answered so far, from its own counters. */
async function getCalls(redis: Redis): Promise<number> {
  const info = await redis.info('commandstats');
  return Number(/cmdstat_get:calls=(\d+)/.exec(info)?.[1] ?? 0);
}

function statsOf(child: ReturnType<typeof fork>): Promise<ScaleStats> {
  return new Promise((resolve) => {
    child.once('message', (stats) => resolve(stats as ScaleStats));
    child.send('stats');
  });
}


main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
