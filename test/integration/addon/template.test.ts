import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { RedisStore, silentLogger } from 'hipchat-connect';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { keysOf, redisStore, startStack, type Stack } from '../../support/stack';

/**
 * An `atlassian-connect.json` template kept from Atlassian's framework. The lifecycle and webhook routes
 * stay at the router's fixed paths, so the template names them; the webhook's handler is still declared
 * in code (the weather add-on's `weather` key), and serves the URL the template gives the host.
 */
const TEMPLATE = {
  key: 'com.example.migrated-weather',
  name: 'Migrated weather',
  description: 'The weather add-on, described by a template',
  links: { self: '{{localBaseUrl}}/atlassian-connect.json', homepage: '{{ localBaseUrl }}' },
  capabilities: {
    hipchatApiConsumer: { scopes: ['send_notification', 'view_room'] },
    installable: { callbackUrl: '{{localBaseUrl}}/installable' },
    webhook: [{ event: 'room_message', pattern: '^/weather', url: '{{localBaseUrl}}/webhooks/weather', authentication: 'jwt' }],
  },
};

describe('descriptorTemplate', () => {
  let redis: TestRedis;
  let directory: string;
  let stack: Stack;

  /** Writes a template file of the test's own and returns its path. */
  const writeTemplate = (name: string, text: string) => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    redis = connectTestRedis();
    directory = mkdtempSync(join(tmpdir(), 'hipchat-connect-template-'));
    stack = await startStack({ store: redisStore(redis.redis, redis.prefix), descriptorTemplate: writeTemplate('atlassian-connect.json', JSON.stringify(TEMPLATE, null, 2)) });
  });
  afterAll(async () => {
    await stack.close();
    await redis.cleanup();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the template filled in with the base URL, and nothing declared in code', async () => {
    const response = await request(stack.served.url).get('/atlassian-connect.json');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(filled(TEMPLATE, stack.served.url));
  });

  it('installs, receives a webhook and uninstalls through the emulator', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: stack.emulator.rooms[0]!.id });
    await expect(stack.store.fetchInstallation(oauthId)).resolves.toMatchObject({ oauthId, roomId: stack.emulator.rooms[0]!.id });

    const delivery = await stack.emulator.sendWebhook({ oauthId, event: 'room_message', item: { message: { message: '/weather Quito' } } });
    expect(delivery.status).toBe(200);
    expect(delivery.body).toMatchObject({ message: 'Sunny in Quito, 21°' });

    expect((await stack.emulator.uninstall(oauthId)).status).toBe(204);
    expect(await keysOf(redis.redis, redis.prefix, oauthId)).toEqual([]);
  });

  describe('an invalid template', () => {
    let store: RedisStore;
    beforeAll(() => {
      store = new RedisStore(redis.redis, { prefix: `${redis.prefix}invalid:`, logger: silentLogger });
    });
    afterAll(() => store.close());

    /** What reading `addon.router` (the start-up step) throws for a template file; undefined if nothing. */
    const startUpError = async (path: string): Promise<unknown> => {
      const addon = createWeatherAddon({ store, logger: silentLogger, development: true, descriptorTemplate: path });
      try {
        void addon.router;
        return undefined;
      } catch (error) {
        return error;
      } finally {
        await addon.close();
      }
    };

    const { name: _name, ...nameless } = TEMPLATE;
    it.each([
      ['not JSON', '{ "key": "broken", '],
      ['missing a required member', JSON.stringify(nameless)],
      ['with an unknown placeholder', JSON.stringify(TEMPLATE).replace('{{localBaseUrl}}/installable', '{{baseUrl}}/installable')],
    ])('stops start-up with DESCRIPTOR_INVALID when %s', async (_case, text) => {
      const error = await startUpError(writeTemplate('invalid.json', text));
      expect(error).toMatchObject({ code: 'DESCRIPTOR_INVALID' });
    });

    // With several templates in a project, an error that names no file sends the author searching.
    it('names the template file in the error', async () => {
      const path = writeTemplate('unnamed.json', JSON.stringify(nameless));
      const error = await startUpError(path);
      expect((error as Error).message).toContain(path);
    });
  });

  // The token proof must ask for the template's scopes, not the code options' (here wider): the host
  // refuses any scope the installed descriptor did not declare.
  it('proves the credentials with the scopes the template declares', async () => {
    const narrow = { ...TEMPLATE, capabilities: { ...TEMPLATE.capabilities, hipchatApiConsumer: { scopes: ['send_notification'] } } };
    const other = await startStack({ store: redisStore(redis.redis, `${redis.prefix}narrow:`), descriptorTemplate: writeTemplate('narrow.json', JSON.stringify(narrow)) });
    try {
      await expect(other.emulator.install({ descriptorUrl: other.descriptorUrl })).resolves.toMatchObject({ scopes: ['send_notification'] });
    } finally {
      await other.close();
    }
  });
});

/** The template as the add-on must serve it at `baseUrl`, every placeholder filled in. */
function filled(template: object, baseUrl: string): unknown {
  return JSON.parse(JSON.stringify(template).replace(/\{\{\s*localBaseUrl\s*\}\}/g, baseUrl));
}
