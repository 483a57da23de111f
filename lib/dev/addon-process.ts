import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** How the add-on's process ended: a code when it exited, a signal when it was killed. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AddonProcess {
  readonly pid: number | undefined;
  /** Settles when the process has ended, however it ended. */
  readonly exited: Promise<Exit>;
  /** SIGTERM to the add-on and anything it started, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<Exit>;
}

interface AddonProcessOptions {
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const GROUPS = process.platform !== 'win32';

/**
 * Runs the author's entry file as a program, TypeScript as it is: Node with tsx's loader (`--import`),
 * which compiles each file with esbuild as it is loaded, for ESM and CommonJS projects alike. tsx is
 * resolved from this package, so a project needs nothing but hipchat-connect. Output goes straight to
 * dev's terminal, colours and all.
 */
export function startAddonProcess(options: AddonProcessOptions): AddonProcess {
  const args = ['--enable-source-maps', '--import', pathToFileURL(require.resolve('tsx')).href, '--require', require.resolve('./child-guard'), options.entry];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd, env: options.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: GROUPS,
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A process that could not be spawned at all emits 'error' and no 'exit'.
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  return {
    pid: child.pid,
    exited,
    async stop(graceMs = 5000) {
      signal(child, 'SIGTERM');
      const timer = setTimeout(() => signal(child, 'SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      // Whatever the add-on started goes with it (it led its group).
      signal(child, 'SIGKILL');
      return exit;
    },
  };
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (GROUPS) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // Already gone: nothing to stop.
  }
}
