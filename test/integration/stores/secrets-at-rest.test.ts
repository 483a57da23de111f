import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as rotateKeys } from '../../../lib/cli/commands/rotate-keys';
import { EncryptedStore, FileStore, isConnectError, RedisStore, SecretKeyring, silentLogger, type Installation } from 'hipchat-connect';
import { installationKeys } from '../../../lib/stores/redis-layout';
import { sealedKeyId } from '../../../lib/stores/secret-keys';
import { runCommand } from '../../support/cli';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { serveStandalone, type Served } from '../../support/serve';
import { redisStore, startStack, type Stack } from '../../support/stack';
import { makeInstallation } from '../../contract/store-contract';

const [OLD, NEW] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
const SEEDED = 1000;
const ids = { old: new SecretKeyring([OLD]).currentId, new: new SecretKeyring([NEW]).currentId };

/** Runs rotate-keys with HIPCHAT_CONNECT_SECRET_KEY set to `keys`, as an operator would. */
async function rotate(keys: string[], ...args: string[]) {
  const before = process.env.HIPCHAT_CONNECT_SECRET_KEY;
  process.env.HIPCHAT_CONNECT_SECRET_KEY = keys.join(',');
  try {
    return await runCommand(rotateKeys, ...args);
  } finally {
    if (before === undefined) delete process.env.HIPCHAT_CONNECT_SECRET_KEY;
    else process.env.HIPCHAT_CONNECT_SECRET_KEY = before;
  }
}

/** Every key under the prefix with its raw content, as `redis-cli` shows it. */
async function rawRecords(test: TestRedis): Promise<Map<string, string>> {
  const records = new Map<string, string>();
  for await (const keys of test.redis.scanStream({ match: `${test.prefix}*` }) as AsyncIterable<string[]>) {
    for (const key of keys) if ((await test.redis.type(key)) === 'string') records.set(key, (await test.redis.get(key))!);
  }
  return records;
}

describe('secrets at rest in Redis, and rotate-keys under a running add-on', () => {
  let test: TestRedis;
  let old: Stack;
  let current: { stack: Stack; served: Served };
  const installations: Installation[] = [];

  beforeAll(async () => {
    test = connectTestRedis();
    // The old deployment, sealing with OLD: installs, and a token cached for each installation.
    old = await startStack({ store: redisStore(test.redis, test.prefix), secretKeys: [OLD] }, { emulator: { rateLimit: { limit: 100_000 }, floodControl: { limit: 100_000 } } });
    for (let index = 0; index < 12; index++) {
      const { oauthId } = await old.emulator.install({ descriptorUrl: old.descriptorUrl, roomId: old.emulator.rooms[index % 2]!.id });
      const installation = (await old.addon.installation(oauthId))!;
      installations.push(installation);
      await old.addon.client(installation).rooms.notify(installation.roomId!, 'before the rotation');
    }
    // And many more, as a store in service has, so the rotation takes a while under the load below.
    const patient = new RedisStore(test.redis, { prefix: test.prefix, logger: silentLogger, operationTimeoutMs: 30_000 });
    const seeder = new EncryptedStore(patient, new SecretKeyring([OLD]));
    for (let batch = 0; batch < SEEDED / 100; batch++) {
      await Promise.all(Array.from({ length: 100 }, async () => {
        const seeded = makeInstallation();
        await seeder.storeInstallation(seeded);
        await seeder.setValue(seeded.oauthId, 'settings', '{"units":"metric"}');
      }));
    }
    // The new deployment, NEW first and OLD still there to open what is not re-encrypted yet.
    const stack = await startStack({ store: redisStore(test.redis, test.prefix), secretKeys: [NEW, OLD] });
    current = { stack, served: await serveStandalone(stack.addon) };
  });
  afterAll(async () => {
    await current?.served.close();
    await current?.stack.close();
    await old?.close();
    await test?.cleanup();
  });

  it('keeps no OAuth secret or access token in plain text, and names the key in each record', async () => {
    const records = await rawRecords(test);
    const text = [...records.values()].join('\n');
    for (const installation of installations) expect(text).not.toContain(installation.oauthSecret);
    for (const { token } of old.emulator.log.tokensIssued) expect(text).not.toContain(token);
    const record = JSON.parse(records.get(installationKeys(test.prefix, installations[0]!.oauthId).installation)!) as Installation;
    expect(sealedKeyId(record.oauthSecret)).toBe(ids.old);
    expect(record.oauthId).toBe(installations[0]!.oauthId); // the rest stays readable
  });

  it('re-encrypts every record with the first key while the add-on serves, losing nothing', async () => {
    let running = true;
    let rounds = 0;
    let firstRound!: () => void;
    const warmed = new Promise<void>((resolve) => (firstRound = resolve));
    const failures: string[] = [];
    const load = (async () => {
      for (let round = 0; running; round++, rounds++) {
        const installation = installations[round % installations.length]!;
        const delivery = await old.emulator.sendWebhook({
          oauthId: installation.oauthId, event: 'room_message', item: { message: { message: '/weather Oslo' } },
          url: `${current.served.url}/webhooks/weather`,
        });
        if (delivery.status !== 200) failures.push(`webhook ${delivery.status}`);
        // A new scope set fetches and caches a token while the rotation runs.
        const client = current.stack.addon.client(installation);
        await (round % 3 === 0 ? client.withScopes(['send_notification']) : client).rooms.notify(installation.roomId!, 'during')
          .catch((error: unknown) => failures.push(isConnectError(error) ? error.code : String(error)));
        if (round === 0) firstRound();
      }
    })();
    // The first round fetches tokens and warms the server: rotation starts once the add-on is at work, so
    // that (on a loaded machine too) a round is always in flight while it runs.
    await warmed;
    const before = rounds;
    const outcome = await rotate([NEW, OLD], '--redis', process.env.REDIS_URL!, '--prefix', test.prefix);
    running = false;
    await load;
    expect(rounds).toBeGreaterThan(before); // the add-on worked while the rotation ran

    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`Re-encrypting with key ${ids.new}`);
    expect(outcome.stdout).toMatch(new RegExp(`${SEEDED + 12} installations and \\d+ values checked: \\d+ re-encrypted`));
    expect(failures).toEqual([]);
    const sealedWith = new Set([...(await rawRecords(test))].flatMap(([key, raw]) =>
      key.endsWith(':installation') ? [sealedKeyId((JSON.parse(raw) as Installation).oauthSecret)] : [sealedKeyId(raw)]));
    expect([...sealedWith]).toEqual([ids.new]);

    // The old key can go now: a store that knows only NEW reads every installation and token.
    const onlyNew = new EncryptedStore(new RedisStore(test.redis, { prefix: test.prefix, logger: silentLogger }), new SecretKeyring([NEW]));
    for (const installation of installations) await expect(onlyNew.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
    for (const installation of installations) await expect(onlyNew.getValue(installation.oauthId, 'token:send_notification+view_room')).resolves.toBeDefined();

    // Run again, as after an interruption: nothing left to do, and it says so.
    const again = await rotate([NEW, OLD], '--redis', process.env.REDIS_URL!, '--prefix', test.prefix);
    expect(again.stdout).toMatch(/: 0 re-encrypted, \d+ already on the first key, 0 failed/);
  }, 60_000);

  it('names the key a record needs when it is not among the keys given, and exits 1', async () => {
    const stranger = randomBytes(32).toString('base64');
    const outcome = await rotate([stranger], '--redis', process.env.REDIS_URL!, '--prefix', test.prefix);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`SECRET_KEY_UNKNOWN (key ${ids.new})`);
    const failure = await new EncryptedStore(new RedisStore(test.redis, { prefix: test.prefix, logger: silentLogger }), new SecretKeyring([stranger]))
      .fetchInstallation(installations[0]!.oauthId).catch((error: unknown) => error);
    expect(isConnectError(failure, 'SECRET_KEY_UNKNOWN')).toBe(true);
  });
});

describe('secrets at rest in a FileStore, and rotate-keys on its file', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hipchat-connect-rotate-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('writes no secret in plain text, and re-encrypts the file with the first key', async () => {
    const path = join(directory, 'store.json');
    const installation = makeInstallation();
    const before = new EncryptedStore(new FileStore({ path }), new SecretKeyring([OLD]));
    await before.storeInstallation(installation);
    await before.setValue(installation.oauthId, 'token:send_notification', 'the-access-token', { ttlMs: 60_000 });
    await new FileStore({ path }).setValue(installation.oauthId, 'written before encryption', 'plain');
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(installation.oauthSecret);
    expect(text).not.toContain('the-access-token');

    const outcome = await rotate([NEW, OLD], '--file', path);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('1 installations and 2 values checked: 3 re-encrypted');
    const after = await readFile(path, 'utf8');
    expect(after).not.toContain(ids.old);
    expect(after).not.toContain('"plain"');
    const onlyNew = new EncryptedStore(new FileStore({ path }), new SecretKeyring([NEW]));
    await expect(onlyNew.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
    await expect(onlyNew.getValue(installation.oauthId, 'written before encryption')).resolves.toBe('plain');
  });
});
