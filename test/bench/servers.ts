/**
 * The servers under test, in a process of their own so the load generator does not share their event
 * loop (and, pinned, their core). Prints one JSON line with their URLs and the body, then serves until
 * killed; answers `cpu` messages with the CPU time it has used, so the bench can divide a round's share
 * by its requests.
 */
import { createSecretKey } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createWeatherAddon } from '../../lib/demo/weather';
import { silentLogger } from '../../lib/logger';
import { MemoryStore } from '../../lib/stores/memory';
import { fakeInstallation } from '../../lib/testing';
import { expressJsonApp, expressRoutingApp, floorServer } from './baselines';
import { roomMessagePayload } from './payload';

export const TARGETS = ['floor', 'express-routing', 'express', 'webhook', 'mounted'] as const;
export type Target = (typeof TARGETS)[number];

export interface BenchTargets {
  urls: Record<Target, string>;
  body: string;
}

export interface CpuReport {
  /** The CPU time (user + system, every thread) the servers' process has used so far, in µs. */
  cpuMicros: number;
  /** The monotonic clock in µs, the clock of a `--cpu-prof` profile's samples. */
  atMicros: number;
}

async function main(): Promise<void> {
  const installation = fakeInstallation();
  const store = new MemoryStore();
  await store.storeInstallation(installation);
  const addon = createWeatherAddon({ store, logger: silentLogger, baseUrl: 'http://127.0.0.1' });
  const mounted = express();
  mounted.use(addon.router);

  const servers: Record<Target, Server> = {
    floor: floorServer(createSecretKey(Buffer.from(installation.oauthSecret))),
    'express-routing': expressRoutingApp().listen(0, '127.0.0.1'),
    express: expressJsonApp().listen(0, '127.0.0.1'),
    // The example add-on as a server of its own (`addon.listen`), as the demo runs it…
    webhook: await addon.listen({ port: 0, host: '127.0.0.1' }),
    // …and mounted in an Express app (`app.use(addon.router)`).
    mounted: mounted.listen(0, '127.0.0.1'),
  };
  servers.floor.listen(0, '127.0.0.1');
  await Promise.all(Object.values(servers).map((server) => (server.listening ? undefined : new Promise((resolve) => server.once('listening', resolve)))));
  const urls = Object.fromEntries(TARGETS.map((name) => [name, `http://127.0.0.1:${(servers[name].address() as AddressInfo).port}/webhooks/weather`]));
  const targets: BenchTargets = { urls: urls as Record<Target, string>, body: JSON.stringify(roomMessagePayload(installation.oauthId, '/weather Paris')) };
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system, atMicros: Number(process.hrtime.bigint() / 1000n) } satisfies CpuReport);
  });
  // Exits when the bench does, so that --cpu-prof writes its profile.
  process.on('disconnect', () => process.exit(0));
  process.stdout.write(`${JSON.stringify(targets)}\n`);
}

if (require.main === module) void main();
