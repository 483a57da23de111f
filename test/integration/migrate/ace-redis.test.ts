import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAddon, FileStore, RedisStore, silentLogger } from 'hipchat-connect';
import type { HostInstallation } from 'hipchat-connect/emulator';
import { run } from '../../../lib/cli/commands/migrate';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { runCommand } from '../../support/cli';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { serveAddon } from '../../support/serve';
import { startAceHipChatAddon, type AceHipChatAddon } from './ace-hipchat-addon';

let emulator: CheckedEmulator;
let testRedis: TestRedis;
let ace: AceHipChatAddon;
let installed: HostInstallation;
let directory: string;
let acePrefix: string;

beforeEach(async () => {
  emulator = await startCheckedEmulator();
  testRedis = connectTestRedis();
  acePrefix = `${testRedis.prefix}ace:`;
  ace = await startAceHipChatAddon(testRedis.redis, acePrefix);
  installed = await emulator.install({ descriptorUrl: ace.descriptorUrl, roomId: 1 });
  // Two records the old add-on's store holds damaged: text that is not JSON, and one whose saved
  // capabilities document does not describe itself at its capabilitiesUrl.
  await testRedis.redis.set(ace.keyOf('broken'), '{"clientKey":"broken",');
  await testRedis.redis.set(ace.keyOf('forged'), JSON.stringify({
    clientKey: 'forged', oauthSecret: 'secret', capabilitiesUrl: emulator.capabilitiesUrl, groupId: 1,
    capabilitiesDoc: { ...(await (await fetch(emulator.capabilitiesUrl)).json()), links: { self: 'https://attacker.example/v2/capabilities' } },
  }));
  directory = mkdtempSync(join(tmpdir(), 'hipchat-connect-migrate-'));
});

afterEach(async () => {
  emulator.assertContract();
  await ace.close();
  await emulator.close();
  await testRedis.cleanup();
  rmSync(directory, { recursive: true, force: true });
});

const migrate = (...args: string[]) => runCommand(run, 'ace-redis', '--from', process.env.REDIS_URL as string, '--prefix', acePrefix, ...args);

describe('migrate ace-redis', () => {
  it('prints what a dry run would write, never a secret, and writes nothing', async () => {
    const file = join(directory, 'store.json');
    const outcome = await migrate('--to', file, '--dry-run');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain(`would create ${installed.oauthId} (group 1, room 1, ${emulator.capabilitiesUrl})`);
    expect(outcome.stdout).toContain('Dry run: nothing was written.');
    expect(outcome.stdout).not.toContain(installed.oauthSecret);
    expect(existsSync(file)).toBe(false);
  });

  it('migrates into the file store, lists and skips damaged records, and a second run changes nothing', async () => {
    const file = join(directory, 'store.json');
    const first = await migrate('--to', file);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`✗ skipped ${ace.keyOf('broken')} (damaged): the value is not JSON`);
    expect(first.stdout).toMatch(new RegExp(`✗ skipped ${ace.keyOf('forged')} \\(damaged\\): capabilitiesDoc: links.self`));
    expect(first.stdout).toContain('3 records read from');
    expect(first.stdout).toContain('1 created, 0 updated, 0 unchanged, 2 skipped (2 damaged, 0 conflicting)');
    expect(first.stderr).toContain('migrate ace-redis 3/3');
    const migrated = await new FileStore({ path: file }).fetchInstallation(installed.oauthId);
    expect(migrated).toEqual({
      oauthId: installed.oauthId, oauthSecret: installed.oauthSecret, groupId: 1, groupName: 'Emulated Team', roomId: 1,
      capabilitiesUrl: emulator.capabilitiesUrl, tokenUrl: `${emulator.apiUrl}/oauth/token`, apiUrl: emulator.apiUrl, installedAt: expect.any(String),
    });
    expect(await new FileStore({ path: file }).fetchInstallation('forged')).toBeUndefined();

    const bytes = readFileSync(file, 'utf8');
    const second = await migrate('--to', file);
    expect(second.stdout).toContain('0 created, 0 updated, 1 unchanged, 2 skipped');
    expect(readFileSync(file, 'utf8')).toBe(bytes);
  });

  it('never replaces an installation the target holds with another secret', async () => {
    const file = join(directory, 'store.json');
    await migrate('--to', file);
    const store = new FileStore({ path: file });
    const taken = { ...(await store.fetchInstallation(installed.oauthId))!, oauthSecret: 'someone else' };
    await store.storeInstallation(taken);
    const again = await migrate('--to', file);
    expect(again.stdout).toContain(`✗ skipped ${ace.keyOf(installed.oauthId)} (conflict): the target already holds this oauthId with another secret`);
    expect((await new FileStore({ path: file }).fetchInstallation(installed.oauthId))?.oauthSecret).toBe('someone else');
  });

  it('migrates into RedisStore, and the add-on then verifies a webhook signed with the old secret and notifies with a fresh token', async () => {
    const targetPrefix = `${testRedis.prefix}hc:`;
    const first = await migrate('--to', process.env.REDIS_URL as string, '--to-prefix', targetPrefix);
    expect(first.stdout).toContain('1 created');
    expect((await migrate('--to', process.env.REDIS_URL as string, '--to-prefix', targetPrefix)).stdout).toContain('0 created, 0 updated, 1 unchanged');

    const store = new RedisStore(testRedis.redis, { prefix: targetPrefix, logger: silentLogger });
    const addon = createAddon({
      key: 'com.example.ace-weather', name: 'ACE Weather', description: 'Now on hipchat-connect',
      scopes: ['send_notification', 'view_room'], store, development: true, logger: silentLogger,
    });
    addon.webhook('room_message', /^\/weather/, async (ctx) => {
      await ctx.client.rooms.notify(ctx.roomId as number, { message: 'Still sunny, after the migration' });
    });
    const served = await serveAddon(addon);
    try {
      const descriptor = await (await fetch(`${served.url}/atlassian-connect.json`)).json();
      const url = descriptor.capabilities.webhook[0].url as string;
      const tokensBefore = emulator.log.tokensIssued.length;

      const delivery = await emulator.sendWebhook({ oauthId: installed.oauthId, event: 'room_message', url, item: { message: { message: '/weather' } } });
      expect(delivery.status).toBe(204);
      expect(emulator.history(1).at(-1)).toMatchObject({ type: 'notification', from: 'ACE Weather', message: 'Still sunny, after the migration' });
      expect(emulator.log.tokensIssued.slice(tokensBefore)).toEqual([expect.objectContaining({ oauthId: installed.oauthId })]);

      emulator.rotateSecret(installed.oauthId);
      const forged = await emulator.sendWebhook({ oauthId: installed.oauthId, event: 'room_message', url, item: { message: { message: '/weather' } } });
      expect(forged.status).toBe(401);
    } finally {
      await served.close();
      await addon.close();
    }
  });

  it('refuses usage mistakes with the usage, and says which Redis it could not reach', async () => {
    expect((await runCommand(run, 'ace-redis', '--to', 'x.json')).code).toBe(2);
    expect((await runCommand(run, 'ace-mongo', '--from', 'redis://127.0.0.1:1', '--to', 'x.json')).stderr).toContain('Unknown source ace-mongo');
    const unreachable = await runCommand(run, 'ace-redis', '--from', 'redis://:hunter2@127.0.0.1:1', '--to', join(directory, 'x.json'));
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach Redis at redis://:***@127.0.0.1:1');
    expect(unreachable.stderr).not.toContain('hunter2');
  });
});
