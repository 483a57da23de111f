/** Runs a CLI command's `run(args)` with stdout and stderr captured; returns its exit code and what it wrote. */
export async function runCommand(run: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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
