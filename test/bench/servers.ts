/**
 * The two servers under test, in a process of their own so the load generator does not share their
 * event loop. Prints one JSON line with their URLs, the token and the body, then serves until killed.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createWeatherAddon } from '../../lib/demo/weather';
import { silentLogger } from '../../lib/logger';
import { MemoryStore } from '../../lib/stores/memory';
import { fakeInstallation, signHostToken } from '../../lib/testing';
import { roomMessagePayload } from './payload';

export interface BenchTargets {
  /** The example add-on run as a server of its own (`addon.listen`), as the demo runs it. */
  webhook: string;
  /** The same add-on mounted in an Express app (`app.use(addon.router)`). */
  mounted: string;
  express: string;
  body: string;
  headers: Record<string, string>;
}

async function main(): Promise<void> {
  const installation = fakeInstallation();
  const store = new MemoryStore();
  await store.storeInstallation(installation);
  const addon = createWeatherAddon({ store, logger: silentLogger, baseUrl: 'http://127.0.0.1' });
  const standalone = await addon.listen({ port: 0, host: '127.0.0.1' });
  const addonApp = express();
  addonApp.use(addon.router);

  // The baseline: the same answer from a bare Express 5 app with express.json() and no authentication.
  const bare = express();
  bare.post('/webhooks/weather', express.json(), (req, res) => {
    const city = /^\/weather\s+(?<city>.+)$/i.exec(String(req.body?.item?.message?.message))?.groups?.city ?? 'your town';
    res.json({ message: `Sunny in ${city}, 21°`, color: 'green', message_format: 'text' });
  });

  const targets: BenchTargets = {
    webhook: `http://127.0.0.1:${(standalone.address() as AddressInfo).port}/webhooks/weather`,
    mounted: `${await listen(addonApp)}/webhooks/weather`,
    express: `${await listen(bare)}/webhooks/weather`,
    body: JSON.stringify(roomMessagePayload(installation.oauthId, '/weather Paris')),
    // Long-lived enough for the whole run; verifying it costs the same as a fresh one.
    headers: { 'content-type': 'application/json', authorization: `JWT ${signHostToken(installation)}` },
  };
  process.stdout.write(`${JSON.stringify(targets)}\n`);
}

function listen(app: express.Express): Promise<string> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

void main();
