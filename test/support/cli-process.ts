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

export interface RunningCli {
  /** What it wrote so far. */
  readonly output: { stdout: string; stderr: string };
  /** Resolves when it has exited by itself, or was killed after `timeoutMs`. */
  readonly exited: Promise<ProcessOutcome>;
  signal(signal: NodeJS.Signals): void;
}

/**
 * Starts `hipchat-connect <args>` as a user does, in a process of its own, from the build (`npm run build`
 * first, as `npm test` expects: transpiling the sources on load costs seconds a run); killed after
 * `timeoutMs`, which a test then sees as code null.
 */
export function startCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): RunningCli {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` before these tests`);
  const child = spawn(process.execPath, [BUILT_CLI, ...args], {
    cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (output.stderr += String(chunk)));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  const exited = new Promise<ProcessOutcome>((resolve) => child.on('close', (code) => {
    clearTimeout(timer);
    resolve({ code, ...output });
  }));
  return { output, exited, signal: (signal) => void child.kill(signal) };
}

/** Runs `hipchat-connect <args>` to its end: its exit code and what it wrote. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessOutcome> {
  return startCli(args, options).exited;
}
