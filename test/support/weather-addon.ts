import type { Addon } from '../../lib/addon';
import type { Installation } from '../../lib/core/installation';
import { createWeatherAddon } from '../../lib/demo/weather';
import { silentLogger } from '../../lib/logger';
import { MemoryStore } from '../../lib/stores/memory';

/** The example add-on, quiet, over a memory store (or the one given) that already holds these installations. */
export async function storedWeatherAddon(installations: readonly Installation[], store = new MemoryStore()): Promise<Addon> {
  for (const installation of installations) await store.storeInstallation(installation);
  return createWeatherAddon({ store, logger: silentLogger, baseUrl: 'http://127.0.0.1' });
}
