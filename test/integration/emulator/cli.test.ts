import { run } from '../../../lib/cli/commands/emulator';

/** Runs the command with stdout and stderr captured. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  return { out, err };
}

afterEach(() => jest.restoreAllMocks());

describe('hipchat-connect emulator', () => {
  it('prints where it listens, serves until SIGTERM, then closes and exits 0', async () => {
    const { out } = capture();
    const running = run(['--port', '0']);
    while (out.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const line = out.join('');
    expect(line).toMatch(/^HipChat emulator listening on http:\/\/127\.0\.0\.1:\d+ \(capabilities: http:\/\/127\.0\.0\.1:\d+\/v2\/capabilities\)\n$/);

    const capabilitiesUrl = /capabilities: (\S+)\)/.exec(line)![1]!;
    expect((await fetch(capabilitiesUrl)).status).toBe(200);
    process.emit('SIGTERM');
    expect(await running).toBe(0);
    await expect(fetch(capabilitiesUrl)).rejects.toThrow();
  });

  it('refuses to listen beyond loopback', async () => {
    const { err } = capture();
    expect(await run(['--host', '0.0.0.0'])).toBe(2);
    expect(err.join('')).toContain('--host must be a loopback address');
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--port', '']], [['--verbose']]])('refuses %j as a usage mistake', async (args) => {
    capture();
    expect(await run(args)).toBe(2);
  });

  it('prints its help', async () => {
    const { out } = capture();
    expect(await run(['--help'])).toBe(0);
    expect(out.join('')).toContain('--port <n>');
  });
});
