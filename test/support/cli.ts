/** What a command returned and wrote. */
export interface CommandOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command's `run(args)` with stdout and stderr captured. */
export async function runCommand(run: (args: string[]) => Promise<number>, ...args: string[]): Promise<CommandOutcome> {
  const written = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      written[stream] += String(chunk);
      return true;
    });
  const spies = [capture('stdout'), capture('stderr')];
  try {
    return { code: await run(args), ...written };
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}
