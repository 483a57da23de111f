/**
 * One server under test (the target named by the first argument), in a process of its own, so that the
 * load generator does not share its event loop (and, pinned, its core), and so that no other target's
 * objects pass through node:http's code in the same process: Express gives each request and response
 * its own prototype, and the Express targets measured slower in a process that also served plain
 * node:http objects (docs/performance.md). Prints one JSON line with its URL and the body,
 * then serves until disconnected; answers `cpu` messages with the CPU time it has used, so the bench
 * can divide a round's share by its requests.
 */
import { createSecretKey } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createWeatherAddon } from '../../lib/demo/weather';
import { silentLogger } from '../../lib/logger';
import { MemoryStore } from '../../lib/stores/memory';
import { fakeInstallation } from '../../lib/testing';
import type { Installation } from '../../lib/core/installation';
import { expressFloorApp, expressJsonApp, expressRoutingApp, floorServer, floorSwappedServer } from './baselines';
import { roomMessagePayload } from './payload';

export const TARGETS = ['floor', 'floor-swapped', 'express-routing', 'express-floor', 'express', 'webhook', 'mounted'] as const;
export type Target = (typeof TARGETS)[number];

/** What a target's process prints once it listens. */
export interface BenchServer {
  url: string;
  body: string;
}

export interface CpuReport {
  /** The CPU time (user + system, every thread) the servers' process has used so far, in µs. */
  cpuMicros: number;
  /** The monotonic clock in µs, the clock of a `--cpu-prof` profile's samples. */
  atMicros: number;
}

/** One target's server: the process runs nothing else, as the target would in production. */
async function serverFor(target: Target, installation: Installation): Promise<Server> {
  const secret = createSecretKey(Buffer.from(installation.oauthSecret));
  switch (target) {
    case 'floor': return floorServer(secret).listen(0, '127.0.0.1');
    case 'floor-swapped': return floorSwappedServer(secret).listen(0, '127.0.0.1');
    case 'express-routing': return expressRoutingApp().listen(0, '127.0.0.1');
    case 'express-floor': return expressFloorApp(secret).listen(0, '127.0.0.1');
    case 'express': return expressJsonApp().listen(0, '127.0.0.1');
    // The example add-on as a server of its own (`addon.listen`), as the demo runs it…
    case 'webhook': return (await weatherAddon(installation)).listen({ port: 0, host: '127.0.0.1', handleSignals: false });
    // …and mounted in an Express app (`app.use(addon.router)`).
    case 'mounted': return express().use((await weatherAddon(installation)).router).listen(0, '127.0.0.1');
  }
}

async function weatherAddon(installation: Installation) {
  const store = new MemoryStore();
  await store.storeInstallation(installation);
  return createWeatherAddon({ store, logger: silentLogger, baseUrl: 'http://127.0.0.1' });
}

async function main(target: Target): Promise<void> {
  const installation = fakeInstallation();
  const server = await serverFor(target, installation);
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/weather`;
  const listening: BenchServer = { url, body: JSON.stringify(roomMessagePayload(installation.oauthId, '/weather Paris')) };
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system, atMicros: Number(process.hrtime.bigint() / 1000n) } satisfies CpuReport);
  });
  // Exits when the bench does, so that --cpu-prof writes its profile.
  process.on('disconnect', () => process.exit(0));
  process.stdout.write(`${JSON.stringify(listening)}\n`);
}

if (require.main === module) void main(process.argv[2] as Target);
