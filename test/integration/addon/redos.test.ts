import request from 'supertest';
import type { Installation } from 'hipchat-connect';
import { MAX_MATCHED_LENGTH } from '../../../lib/core/webhook/receive';
import { roomMessagePayload } from '../../bench/payload';
import { hostToken } from '../../support/installations';
import { startStack, type Stack } from '../../support/stack';

/** A pattern that counts how often it is run. */
class CountingPattern extends RegExp {
  runs = 0;
  override exec(text: string): RegExpExecArray | null {
    this.runs += 1;
    return super.exec(text);
  }
}

/**
 * A signed webhook used to block the process for 12 s: the demo's own pattern was quadratic on
 * `/weather` + 99,000 spaces + `\n`, and patterns were matched on text of any length.
 */
describe('webhook patterns and long messages', () => {
  let stack: Stack;
  let installation: Installation;
  const counting = new CountingPattern('^/count(?<rest>.*)$', 's');

  beforeAll(async () => {
    stack = await startStack({}, { serving: 'standalone' });
    stack.addon.webhook('room_message', { key: 'count', pattern: counting }, () => 'counted');
    const { oauthId } = await stack.emulator.install({ descriptorUrl: stack.descriptorUrl, roomId: stack.emulator.rooms[0]!.id });
    installation = (await stack.store.fetchInstallation(oauthId))!;
  });
  afterAll(async () => {
    await stack.close();
  });

  const send = (key: string, text: string) => request(stack.served.url).post(`/webhooks/${key}`)
    .set('authorization', `JWT ${hostToken(installation)}`).send(roomMessagePayload(installation.oauthId, text));

  it('answers the demo\'s attack message at once instead of blocking for seconds', async () => {
    const started = performance.now();
    const response = await send('weather', `/weather${' '.repeat(99_000)}\n`);
    expect(response.status).toBe(204);
    // It took 12 s before; a generous bound, since the machine may be busy.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('answers the attack at the longest matched length quickly too: the demo pattern is linear', async () => {
    const started = performance.now();
    const response = await send('weather', `/weather${' '.repeat(MAX_MATCHED_LENGTH - 9)}\n`);
    expect(response.status).toBe(204);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('never runs a pattern on a message longer than HipChat allowed (10,000 characters)', async () => {
    expect((await send('count', `/count${'x'.repeat(MAX_MATCHED_LENGTH - 6)}`)).status).toBe(200);
    expect(counting.runs).toBe(1);
    expect((await send('count', `/count${'x'.repeat(MAX_MATCHED_LENGTH - 5)}`)).status).toBe(204);
    expect(counting.runs).toBe(1);
  });

  it('still answers the demo command', async () => {
    const response = await send('weather', '/weather   Oslo');
    expect(response.status).toBe(200);
    expect(response.body.message).toBe('Sunny in Oslo, 21°');
  });
});
