import request from 'supertest';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { printed, recordingLogger } from '../../support/recording-logger';
import { startStack, type Stack } from '../../support/stack';

/**
 * Everything the add-on hands its logger, at every level and raw (an author's pino would print it as
 * given, without our console logger's redaction), must be free of installation secrets and tokens.
 */
describe('secrets in logs', () => {
  let stack: Stack;
  const { logger, entries } = recordingLogger();

  beforeAll(async () => {
    stack = await startStack({ logger });
  });
  afterAll(async () => {
    await stack.close();
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

    expect(entries.map((entry) => `${entry.level} ${entry.message}`)).toEqual([
      'info installed',
      'error webhook handler failed',
      'warn uninstall refused: the host still issues tokens for this installation',
      'warn re-install refused: this oauthId is stored with another secret',
      'info uninstalled',
    ]);
    const secrets = [installation.oauthSecret, hijack, token, ...stack.emulator.log.tokensIssued.map((issued) => issued.token)];
    const lines = entries.map(printed);
    for (const secret of secrets) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
