import { createAddon, isConnectError, MemoryStore, type Logger } from 'hipchat-connect';
import { PatternChecks } from '../../../../lib/core/webhook/pattern-checks';
import { createWeatherAddon } from '../../../../lib/demo/weather';

/** A logger that keeps what it was told. */
function recordingLogger(): Logger & { said: { level: string; fields: Record<string, unknown>; message: string }[] } {
  const said: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void said.push({ level, fields, message });
  return { said, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

// Exponential, and found at once; the quadratic kind takes recheck a second or more.
const VULNERABLE = /^(a+)+$/;

describe('webhook patterns checked for ReDoS with recheck', () => {
  it('warns about a vulnerable pattern, naming the webhook, the pattern and an attack string', async () => {
    const logger = recordingLogger();
    const checks = new PatternChecks('warn', logger);
    checks.add('greedy', VULNERABLE);
    await expect(checks.ready()).resolves.toBeUndefined();
    expect(logger.said).toEqual([expect.objectContaining({
      level: 'warn',
      fields: { webhook: 'greedy', pattern: '/^(a+)+$/', complexity: 'exponential', attack: expect.stringContaining("'a'") },
    })]);
  });

  it('in strict mode, makes listen() refuse to start, naming the pattern and an attack string', async () => {
    const addon = createAddon({ key: 'strict', name: 'Strict', description: 'd', store: new MemoryStore(), logger: recordingLogger(), patternCheck: 'strict' });
    addon.webhook('room_message', { key: 'greedy', pattern: VULNERABLE }, () => undefined);
    const failure = await addon.listen({ port: 0 }).then(() => 'listened', (error: unknown) => error);
    expect(isConnectError(failure, 'OPTION_INVALID')).toBe(true);
    expect((failure as Error).message).toMatch(/webhook greedy: the pattern \/\^\(a\+\)\+\$\/ can take exponential time on a message such as 'a'/);
    await addon.close();
  });

  it('passes the demo add-on\'s own pattern as safe, and checks nothing when off', async () => {
    const logger = recordingLogger();
    const demo = createWeatherAddon({ store: new MemoryStore(), logger, patternCheck: 'strict' });
    await expect(demo.ready()).resolves.toBeUndefined();
    expect(logger.said.filter((entry) => entry.level !== 'debug')).toEqual([]);
    await demo.close();

    const off = new PatternChecks('off', logger);
    off.add('greedy', VULNERABLE);
    await expect(off.ready()).resolves.toBeUndefined();
    expect(logger.said).toEqual([]);
  });

  it('refuses a patternCheck that is not one of its modes, naming the option', () => {
    expect(() => createAddon({ key: 'k', name: 'n', description: 'd', patternCheck: 'loud' as never }))
      .toThrow("options.patternCheck must be one of 'warn', 'strict', 'off'");
  });
});
