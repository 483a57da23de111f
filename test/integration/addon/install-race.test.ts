import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore, RedisStore, silentLogger, type Addon, type Store } from 'hipchat-connect';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { startLaxHost, type LaxHost } from '../../support/lax-host';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { serveAddon, type Served } from '../../support/serve';

/**
 * Twenty installs of one oauthId with twenty secrets at once, from a host that issues tokens to anyone:
 * the check for a known oauthId and the write were two steps, and every one of them won. Now exactly
 * one does, the rest get the coded conflict, and `installed` fires once.
 */
describe.each(['FileStore', 'RedisStore'] as const)('concurrent installs of one oauthId on the %s', (kind) => {
  let host: LaxHost;
  let redis: TestRedis | undefined;
  let directory: string;
  let store: Store;
  let addon: Addon;
  let served: Served;
  const installed: string[] = [];

  beforeAll(async () => {
    host = await startLaxHost();
    directory = mkdtempSync(join(tmpdir(), 'install-race-'));
    if (kind === 'RedisStore') {
      redis = connectTestRedis();
      store = new RedisStore(redis.redis, { prefix: redis.prefix, logger: silentLogger });
    } else {
      store = new FileStore({ path: join(directory, 'store.json') });
    }
    addon = createWeatherAddon({ store, logger: silentLogger, development: true });
    addon.on('installed', ({ installation }) => void installed.push(installation.oauthSecret));
    served = await serveAddon(addon);
  });
  afterAll(async () => {
    await served.close();
    await addon.close();
    await store.close?.();
    await redis?.cleanup();
    await host.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lets exactly one win and answers the others OAUTH_ID_CONFLICT', async () => {
    const oauthId = `race-${Math.random().toString(36).slice(2)}`;
    const install = (index: number) => fetch(`${served.url}/installable`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capabilitiesUrl: host.capabilitiesUrl, oauthId, oauthSecret: `secret-${index}`, groupId: 1 }),
    }).then(async (response) => ({ index, status: response.status, body: (await response.json()) as { error?: { code: string } } }));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => install(index)));

    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    for (const loser of answers.filter((answer) => answer.status !== 200)) {
      expect(loser).toMatchObject({ status: 409, body: { error: { code: 'OAUTH_ID_CONFLICT' } } });
    }
    const winner = `secret-${winners[0]!.index}`;
    expect(installed).toEqual([winner]);
    expect((await store.fetchInstallation(oauthId))?.oauthSecret).toBe(winner);
  });
});
