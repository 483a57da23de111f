import request from 'supertest';
import type { Logger } from 'hipchat-connect';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { startStack, type Stack } from '../../support/stack';

/**
 * Everything the add-on hands its logger, at every level and raw (an author's pino would print it as
 * given, without our console logger's redaction), must be free of installation secrets and tokens.
 */
describe('secrets in logs', () => {
  let redis: TestRedis;
  let stack: Stack;
  const lines: string[] = [];
  const record = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push(`${level} ${message} ${serialise(fields)}`);
  };
  const logger: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };

  beforeAll(async () => {
    redis = connectTestRedis();
    stack = await startStack(redis.redis, redis.prefix, { logger });
  });
  afterAll(async () => {
    await stack.close();
    await redis.cleanup();
  });

  it('never carries an oauthSecret, an access token or a JWT, through a whole lifecycle and its refusals', async () => {
    const room = stack.emulator.rooms[0]!;
    const installed = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: room.id });
    const installation = (await stack.store.fetchInstallation(installed.oauthId))!;
    stack.addon.webhook('room_message', { key: 'leaky', pattern: /^\/leak/ }, () => {
      throw new Error('the handler failed');
    });
    const token = hostToken(installation);
    await request(stack.served.url).post('/webhooks/weather').set('authorization', `JWT ${token}`).send(roomMessagePayload(installed.oauthId, '/weather Lima'));
    await request(stack.served.url).post('/webhooks/leaky').set('authorization', `JWT ${token}`).send(roomMessagePayload(installed.oauthId, '/leak'));
    await request(stack.served.url).post(`/webhooks/weather?signed_request=${token}x`).send(roomMessagePayload(installed.oauthId, '/weather Lima'));
    await request(stack.served.url).delete(`/installable/${installed.oauthId}`);
    const hijack = stack.emulator.rotateSecret(installed.oauthId);
    await stack.emulator.update(installed.oauthId).catch(() => undefined);
    await stack.emulator.uninstall(installed.oauthId);

    // On a loaded machine Redis may be slow to take the change feed's subscription; that says so, and is not what this test is about.
    const lifecycle = lines.filter((line) => !line.includes('installation change feed'));
    expect(lifecycle.map((line) => line.split(' {')[0])).toEqual([
      'info installed',
      'error webhook handler failed',
      'warn uninstall refused: the host still issues tokens for this installation',
      'warn re-install refused: this oauthId is stored with another secret',
      'info uninstalled',
    ]);
    const secrets = [installation.oauthSecret, hijack, token, ...stack.emulator.log.tokensIssued.map((issued) => issued.token)];
    for (const secret of secrets) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});

/** Fields as a logger would print them: errors with their message, stack and causes, all the way down. */
function serialise(fields: Record<string, unknown>): string {
  return JSON.stringify(fields, (_name, value: unknown) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack, cause: value.cause } : value));
}
