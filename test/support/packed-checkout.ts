import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** What a command run as a child process returned and wrote. */
export interface ProcessOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program to its end. npm's cache is warm after the first install of a run, so npm is told to
 * prefer it: a template's dependencies then install without asking the registry about each package.
 */
export function runProcess(file: string, args: readonly string[], cwd: string, timeoutMs = 180_000): Promise<ProcessOutcome> {
  const env = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `hipchat-connect <args>` from this checkout's build, as a user's shell runs it. */
export function runBuiltCli(args: readonly string[], cwd: string): Promise<ProcessOutcome> {
  return runProcess(process.execPath, [builtCli(), ...args], cwd);
}

function builtCli(): string {
  const cli = path.join(root, 'dist', 'lib', 'cli', 'main.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (CI does).`);
  return cli;
}

let packed: Promise<string> | undefined;

/**
 * The checkout as npm would publish it, packed once per test process into `destination` (the first
 * caller's: a folder the caller removes): `npm pack --ignore-scripts` of the build that is there, so
 * packing never rebuilds. Resolves to the tarball's path.
 */
export function packedCheckout(destination: string): Promise<string> {
  packed ??= (async () => {
    builtCli();
    const outcome = await runProcess('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', destination], root);
    if (outcome.code !== 0) throw new Error(`npm pack failed:\n${outcome.stderr}`);
    return path.join(destination, outcome.stdout.trim().split('\n').at(-1)!);
  })();
  return packed;
}
