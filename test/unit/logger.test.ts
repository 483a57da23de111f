import { Writable } from 'node:stream';
import pino from 'pino';
import { createAddon, createConsoleLogger, MemoryStore } from 'hipchat-connect';
import { type ConsoleLoggerOptions } from '../../lib/logger';

/** A stream that keeps what is written, and says it is a terminal when asked to. */
function capture(isTTY = false): Writable & { text(): string; lines(): Array<Record<string, unknown>> } {
  let written = '';
  const stream = new Writable({ write(chunk, _encoding, done) { written += String(chunk); done(); } });
  return Object.assign(stream, {
    isTTY,
    text: () => written,
    lines: () => written.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  });
}

const saved = { LOG_LEVEL: process.env.LOG_LEVEL, LOG_FORMAT: process.env.LOG_FORMAT, NO_COLOR: process.env.NO_COLOR };
beforeEach(() => {
  delete process.env.LOG_LEVEL;
  delete process.env.LOG_FORMAT;
  process.env.NO_COLOR = '1';
});
afterAll(() => Object.assign(process.env, saved));

function logAtEveryLevel(options: ConsoleLoggerOptions = {}) {
  const stream = capture();
  const logger = createConsoleLogger({ ...options, stream });
  for (const level of ['debug', 'info', 'warn', 'error'] as const) logger[level]({ n: 1 }, level);
  return stream;
}

describe('the default logger', () => {
  it('writes info and above by default, as JSON lines shaped like pino\'s', () => {
    const lines = logAtEveryLevel().lines();
    expect(lines.map((line) => line.msg)).toEqual(['info', 'warn', 'error']);
    expect(lines[0]).toEqual({ level: 30, time: expect.any(Number), pid: process.pid, hostname: expect.any(String), n: 1, msg: 'info' });
    expect(Math.abs((lines[0]!.time as number) - Date.now())).toBeLessThan(5000);
  });

  it('has the keys and types of a pino line for the same call', () => {
    const ours = capture();
    const theirs = capture();
    createConsoleLogger({ stream: ours }).info({ oauthId: 'o' }, 'installed');
    pino(theirs).info({ oauthId: 'o' }, 'installed');
    const shape = (line: Record<string, unknown>) => Object.fromEntries(Object.entries(line).map(([key, value]) => [key, typeof value]));
    expect(shape(ours.lines()[0]!)).toEqual(shape(theirs.lines()[0]!));
    expect({ ...ours.lines()[0], time: 0 }).toEqual({ ...theirs.lines()[0], time: 0 });
  });

  it('puts an error under err as pino does (type, message, stack), with its code', () => {
    const stream = capture();
    const error = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    createConsoleLogger({ stream }).error({ err: error }, 'store call failed');
    expect(stream.lines()[0]).toMatchObject({ level: 50, msg: 'store call failed', err: { type: 'Error', message: 'connection refused', code: 'ECONNREFUSED', stack: expect.stringContaining('connection refused') } });
  });

  it.each([
    ['trace', ['debug', 'info', 'warn', 'error']], ['debug', ['debug', 'info', 'warn', 'error']], ['warn', ['warn', 'error']],
    ['error', ['error']], ['fatal', []], ['silent', []], ['WARN', ['warn', 'error']],
  ])('honours LOG_LEVEL=%s', (level, written) => {
    process.env.LOG_LEVEL = level;
    expect(logAtEveryLevel().lines().map((line) => line.msg)).toEqual(written);
  });

  it('prefers the level it is given to LOG_LEVEL', () => {
    process.env.LOG_LEVEL = 'error';
    expect(logAtEveryLevel({ level: 'debug' }).lines()).toHaveLength(4);
  });

  it('refuses an unknown LOG_LEVEL at start-up, naming the variable and the levels', () => {
    process.env.LOG_LEVEL = 'verbose';
    expect(() => createConsoleLogger()).toThrow(expect.objectContaining({
      code: 'OPTION_INVALID', details: { variable: 'LOG_LEVEL' },
      message: 'The environment variable LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent',
    }));
  });

  it('writes readable lines with LOG_FORMAT=pretty, and on a terminal', () => {
    process.env.LOG_FORMAT = 'pretty';
    const pretty = logAtEveryLevel().text().split('\n');
    expect(pretty[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  info n=1$/);
    delete process.env.LOG_FORMAT;
    const terminal = capture(true);
    createConsoleLogger({ stream: terminal }).warn({ err: new Error('gone'), room: 'Test Room' }, 'store unavailable');
    expect(terminal.text()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  store unavailable err=Error: gone room="Test Room"\n {4}Error: gone\n {8}at /);
  });

  it('writes JSON on a terminal with LOG_FORMAT=json', () => {
    process.env.LOG_FORMAT = 'json';
    const terminal = capture(true);
    createConsoleLogger({ stream: terminal }).info({}, 'hello');
    expect(terminal.lines()[0]).toMatchObject({ level: 30, msg: 'hello' });
  });

  it('still takes a stream alone, as before', () => {
    const stream = capture();
    createConsoleLogger(stream).warn({ token: 'abc' }, 'careful');
    expect(stream.lines()[0]).toMatchObject({ level: 40, msg: 'careful', token: '[redacted]' });
  });
});

describe('createAddon and its logger', () => {
  it('takes a pino logger as it is', async () => {
    const stream = capture();
    const addon = createAddon({ key: 'k', name: 'Pino', description: 'd', store: new MemoryStore(), logger: pino(stream) });
    const server = await addon.listen({ port: 0 });
    server.close();
    await addon.close();
    expect(stream.lines()).toEqual([expect.objectContaining({ level: 30, msg: 'Pino listening', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) })]);
  });

  it('takes logLevel, and refuses it beside a logger of the author\'s own', () => {
    expect(() => createAddon({ key: 'k', name: 'n', description: 'd', store: new MemoryStore(), logLevel: 'loud' as 'info' }))
      .toThrow(expect.objectContaining({ code: 'OPTION_INVALID', details: { option: 'logLevel' } }));
    expect(() => createAddon({ key: 'k', name: 'n', description: 'd', store: new MemoryStore(), logLevel: 'debug', logger: pino() }))
      .toThrow('options.logLevel must be left out when options.logger is given (set the level on your own logger)');
  });
});
