import type { AddressInfo } from 'node:net';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { MemoryStore } from 'hipchat-connect';
import { startEmulator } from 'hipchat-connect/emulator';
import { recordingLogger } from '../../support/recording-logger';

/** At info, an add-on's log tells its life: where it listens, then one line per install, update and uninstall. */
it('logs one info line when it listens and one per install, update and uninstall', async () => {
  const { logger, entries } = recordingLogger();
  const emulator = await startEmulator();
  const addon = createWeatherAddon({ store: new MemoryStore(), development: true, logger });
  const server = await addon.listen({ port: 0 });
  try {
    const { oauthId } = await emulator.install({ descriptorUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/atlassian-connect.json`, roomId: 1 });
    await emulator.update(oauthId);
    await emulator.uninstall(oauthId);
    expect(entries.map((entry) => `${entry.level} ${entry.message}`)).toEqual(['info Weather listening', 'info installed', 'info installation updated', 'info uninstalled']);
    expect(entries.slice(1).map((entry) => entry.fields)).toEqual(Array(3).fill({ oauthId, groupId: 1, roomId: 1 }));
  } finally {
    server.close();
    await addon.close();
    await emulator.close();
  }
});
