import { receive } from '../../../lib/core/receive';
import { WebhookRegistry } from '../../../lib/core/webhooks';
import type { Logger } from '../../../lib/logger';
import { fakeInstallation } from '../../support/installations';
import { roomMessagePayload } from '../../bench/payload';

function recordingLogger(): Logger & { errors: unknown[][] } {
  const errors: unknown[][] = [];
  return { errors, debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => void errors.push(args) };
}

const installation = fakeInstallation();
const claims = { iss: installation.oauthId, sub: '7', iat: 1, exp: 2 };

describe('receive', () => {
  it('runs the handler the key names, with the pattern match and named groups', async () => {
    const registry = new WebhookRegistry();
    registry.add('room_message', { key: 'echo', pattern: /^\/echo\s+(?<text>.+)$/ }, (context) => `you said ${context.match?.groups?.text}`);
    const reply = await receive(registry, { key: 'echo', payload: roomMessagePayload('x', '/echo hi there'), installation, claims }, recordingLogger());
    expect(reply).toEqual({ message: 'you said hi there' });
  });

  it('without a key, runs every handler of the event and returns the first reply', async () => {
    const registry = new WebhookRegistry();
    const ran: string[] = [];
    registry.add('room_message', {}, () => void ran.push('first'));
    registry.add('room_message', {}, () => { ran.push('second'); return { message: 'second', color: 'red' }; });
    const reply = await receive(registry, { payload: roomMessagePayload('x', 'hello'), installation, claims }, recordingLogger());
    expect(ran).toEqual(['first', 'second']);
    expect(reply).toEqual({ message: 'second', color: 'red' });
  });

  it('turns a throwing handler into HANDLER_FAILED and logs it exactly once', async () => {
    const registry = new WebhookRegistry();
    registry.add('room_message', { key: 'broken' }, () => {
      throw new Error('boom');
    });
    const logger = recordingLogger();
    await expect(receive(registry, { key: 'broken', payload: roomMessagePayload('x', 'hi'), installation, claims }, logger))
      .rejects.toMatchObject({ code: 'HANDLER_FAILED' });
    expect(logger.errors).toHaveLength(1);
  });

  it('refuses an event the addressed webhook does not listen to', async () => {
    const registry = new WebhookRegistry();
    registry.add('room_enter', { key: 'enter' }, () => undefined);
    await expect(receive(registry, { key: 'enter', payload: roomMessagePayload('x', 'hi'), installation, claims }, recordingLogger()))
      .rejects.toMatchObject({ code: 'PAYLOAD_INVALID' });
  });

  it('names the option when a webhook is declared wrongly', () => {
    const registry = new WebhookRegistry();
    expect(() => registry.add('room_joined', {}, () => undefined)).toThrow('options.webhook event');
    expect(() => registry.add('room_enter', { pattern: /x/ }, () => undefined)).toThrow('options.webhook pattern');
    registry.add('room_enter', { key: 'k' }, () => undefined);
    expect(() => registry.add('room_exit', { key: 'k' }, () => undefined)).toThrow('options.webhook key');
  });
});
