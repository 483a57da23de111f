import { spawn } from 'node:child_process';

/**
 * Runs `npm install` in the new project, its output shown as it comes. Resolves to whether it
 * succeeded; a missing npm is a failure like any other, since the files are written either way.
 */
export function npmInstall(directory: string): Promise<boolean> {
  return new Promise((resolve) => {
    // npm is a .cmd on Windows, which node only starts through a shell.
    const child = spawn('npm', ['install', '--no-audit', '--no-fund'], { cwd: directory, stdio: 'inherit', shell: process.platform === 'win32' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
