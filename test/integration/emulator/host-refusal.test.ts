import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { MemoryStore, type Addon } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { recordingLogger } from '../../support/recording-logger';

/**
 * The README's add-on started without NODE_ENV=development meets the emulator: the add-on says in its
 * log which host it refused and how to allow it, and the person installing reads the same sentence.
 * Here with the emulator's tests (Express 5 only): its async routes do not answer a rejection on Express 4.
 */
describe('an install refused by the host allowlist', () => {
  const { logger, entries } = recordingLogger();
  let addon: Addon;
  let server: Server;
  let emulator: Emulator;
  let descriptorUrl: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    addon = createWeatherAddon({ store: new MemoryStore(), development: false, logger });
    server = await addon.listen({ port: 0 });
    descriptorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/atlassian-connect.json`;
  });
  afterAll(async () => {
    server.close();
    await addon.close();
    await emulator.close();
  });

  const sentence = () => `This add-on does not accept installations from ${new URL(emulator.url).origin}: to allow them, start it with `
    + `NODE_ENV=development (or the option development: true), which accepts loopback hosts, or add "${new URL(emulator.url).origin}" to the allowedHosts option`;

  it('logs one warning naming the refused host and the two ways to allow it', async () => {
    entries.length = 0;
    await emulator.install({ descriptorUrl, roomId: 1 }).catch(() => undefined);
    expect(entries.filter((entry) => entry.level === 'warn')).toEqual([{
      level: 'warn', message: sentence(), fields: { capabilitiesUrl: emulator.capabilitiesUrl, allowedHosts: ['https://api.hipchat.com'] },
    }]);
  });

  it('is answered to the installer as the coded refusal, in those words, not a 500 wrapping JSON', async () => {
    await expect(emulator.install({ descriptorUrl, roomId: 1 })).rejects.toMatchObject({
      code: 'HOST_NOT_ALLOWED', status: 403, message: `The add-on refused the install. ${sentence()}.`,
    });
    const response = await fetch(`${emulator.url}/emulator/installations`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: descriptorUrl, roomId: 1 }),
    });
    expect(response.status).toBe(403);
    // The emulator's own routes answer in HipChat's error shape, whose code is the status.
    expect(await response.json()).toMatchObject({ error: { code: 403, message: `The add-on refused the install. ${sentence()}.` } });
  });
});
