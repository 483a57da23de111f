/**
 * `npm run bench`: the verified webhook route of an example add-on against a bare Express app with
 * express.json() and no authentication, loaded alternately with the same 1.5 KB room_message so that
 * machine noise falls on both. The final line is the ratio of their request rates.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import autocannon from 'autocannon';
import express from 'express';
import { createWeatherAddon } from '../../lib/demo/weather';
import { silentLogger } from '../../lib/logger';
import { MemoryStore } from '../../lib/stores/memory';
import { roomMessagePayload } from './payload';
import { fakeInstallation, hostToken } from '../support/installations';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 50;

interface Figures { requests: number; seconds: number; p50: number; p99: number; non2xx: number }

async function main(): Promise<void> {
  const installation = fakeInstallation();
  const store = new MemoryStore();
  await store.storeInstallation(installation);
  const addon = createWeatherAddon({ store, logger: silentLogger, baseUrl: 'http://127.0.0.1' });
  const addonApp = express();
  addonApp.use(addon.router);

  const bare = express();
  bare.post('/webhooks/weather', express.json(), (req, res) => {
    res.json({ message: `Sunny in ${String(req.body?.item?.message?.message).slice(9)}, 21°`, color: 'green', message_format: 'text' });
  });

  const body = JSON.stringify(roomMessagePayload(installation.oauthId, '/weather Paris'));
  // A long-lived token so the run never crosses its expiry; verification work is the same.
  const headers = { 'content-type': 'application/json', authorization: `JWT ${hostToken(installation)}` };
  const targets = { webhook: await listen(addonApp), express: await listen(bare) };
  console.log(`payload ${Buffer.byteLength(body)} bytes, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, alternating`);

  const totals: Record<keyof typeof targets, Figures[]> = { webhook: [], express: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of ['express', 'webhook'] as const) {
      const figures = await load(targets[name].url, body, headers);
      totals[name].push(figures);
      console.log(`round ${round} ${name.padEnd(8)} ${(figures.requests / figures.seconds).toFixed(0).padStart(7)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  non-2xx ${figures.non2xx}`);
    }
  }
  const rate = (list: Figures[]) => list.reduce((sum, f) => sum + f.requests, 0) / list.reduce((sum, f) => sum + f.seconds, 0);
  for (const name of ['express', 'webhook'] as const) {
    const list = totals[name];
    console.log(`${name.padEnd(8)} ${rate(list).toFixed(0)} req/s  p50 ${median(list.map((f) => f.p50))} ms  p99 ${Math.max(...list.map((f) => f.p99))} ms`);
  }
  console.log(`webhook/express ratio: ${(rate(totals.webhook) / rate(totals.express)).toFixed(2)}`);
  await Promise.all([targets.webhook.server, targets.express.server].map((server) => new Promise((resolve) => server.close(resolve))));
  await addon.close();
}

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/weather`, server }));
  });
}

async function load(url: string, body: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, method: 'POST', body, headers, connections: CONNECTIONS, duration: SECONDS });
  if (result.errors > 0 || result.non2xx > 0) console.log(`  (${result.errors} errors, ${result.non2xx} non-2xx)`);
  return { requests: result.requests.total, seconds: result.duration, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
