import { MemoryStore, silentLogger, type Addon, type Installation } from 'hipchat-connect';
import { createWeatherAddon } from '../../lib/demo/weather';

/** The example add-on, quiet, over a memory store (or the one given) that already holds these installations. */
export async function storedWeatherAddon(installations: readonly Installation[], store = new MemoryStore()): Promise<Addon> {
  for (const installation of installations) await store.storeInstallation(installation);
  return createWeatherAddon({ store, logger: silentLogger, baseUrl: 'http://127.0.0.1' });
}
