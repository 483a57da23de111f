import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

export interface ProcessOutcome {
  /** null when the process had to be killed: it did not exit within the time allowed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built command, as the package's `bin` runs it. */
export const BUILT_CLI = path.join(root, 'dist/lib/cli/main.js');

/**
 * Runs `hipchat-connect <args>` as a user does, in a process of its own, from the build (`npm run build`
 * first, as `npm test` expects: transpiling the sources on load costs seconds a run); killed after
 * `timeoutMs`, which a test then sees as code null.
 */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessOutcome> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` before these tests`);
  const child = spawn(process.execPath, [BUILT_CLI, ...args], {
    cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const outcome = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (outcome.stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (outcome.stderr += String(chunk)));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  return new Promise((resolve) => child.on('close', (code) => {
    clearTimeout(timer);
    resolve({ code, ...outcome });
  }));
}
