import type { AddressInfo } from 'node:net';
import { MemoryStore, silentLogger, type Addon, type AddonOptions, type Installation } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { createWeatherAddon } from '../../lib/demo/weather';
import { weatherRoutes } from '../../lib/demo/weather-routes';

export interface DemoStack {
  emulator: Emulator;
  addon: Addon;
  addonUrl: string;
  /** The demo add-on's installation into the Lobby, as the add-on stored it. */
  installation: Installation;
  close(): Promise<void>;
}

/**
 * What `hipchat-connect demo` runs: the emulator, and the Weather add-on with its own routes as a
 * server of its own, installed into the Lobby.
 */
export async function startDemoStack(overrides: Partial<AddonOptions> = {}): Promise<DemoStack> {
  const emulator = await startEmulator({ logger: silentLogger });
  const addon = createWeatherAddon({ store: new MemoryStore(), development: true, logger: silentLogger, ...overrides });
  const server = await addon.listen({ port: 0, host: '127.0.0.1', app: weatherRoutes(addon) });
  const addonUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { oauthId } = await emulator.install({ descriptorUrl: `${addonUrl}/atlassian-connect.json`, roomId: 1 });
  const installation = (await addon.installation(oauthId))!;
  return {
    emulator, addon, addonUrl, installation,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await addon.close();
      await emulator.close();
    },
  };
}
