import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'lib', 'cli', 'main.js');

/** A copy of test/fixtures/dev-addon in a temporary folder, with hipchat-connect resolved from this checkout. */
export interface DevProject {
  dir: string;
  read(file: string): string;
  write(file: string, text: string): void;
  remove(): void;
}

/**
 * The fixture add-on as an author has it: its own folder, `node_modules/hipchat-connect` being this
 * checkout (built: `npm run build`, as CI does first), and express beside it.
 */
export function makeDevProject(): DevProject {
  if (!existsSync(CLI)) throw new Error(`${path.relative(root, CLI)} is missing: the dev tests run the built CLI, so run npm run build first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'hipchat-connect-dev-'));
  cpSync(path.join(root, 'test', 'fixtures', 'dev-addon'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', 'hipchat-connect'), 'dir');
  symlinkSync(path.join(root, 'node_modules', 'express'), path.join(dir, 'node_modules', 'express'), 'dir');
  return {
    dir,
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    write: (file, text) => writeFileSync(path.join(dir, file), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * `hipchat-connect dev` running in a project, with what it wrote (stdout and stderr, in order). Tests
 * wait for lines, never for fixed times: `next` waits for the first match after the last one it found,
 * so a second "Restarted" is not mistaken for the first.
 */
export interface DevRun {
  child: ChildProcess;
  transcript(): string;
  next(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Sends SIGINT (to the whole process group, as a terminal's Ctrl-C does, when run as one) and resolves to the exit code. */
  interrupt(): Promise<number | null>;
  exited: Promise<number | null>;
}

/** The environment without what would change the fixture's behaviour: the suite's REDIS_URL, a real ngrok token. */
export function devEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, NGROK_AUTHTOKEN: _token, NODE_ENV: _nodeEnv, PORT: _port, ...env } = process.env;
  return { ...env, ...extra };
}

export function startDev(project: DevProject, args: string[], env: NodeJS.ProcessEnv = devEnvironment()): DevRun {
  return watchProcess(process.execPath, [CLI, 'dev', ...args], project.dir, env);
}

/**
 * Any command run as dev runs, watched the same way. `asTerminal` runs it in a process group of its own
 * and interrupts the whole group, as Ctrl-C in a terminal does: `npm run dev` (npm, its shell, dev) needs
 * that, since npm does not pass a SIGINT of its own on to the script.
 */
export function watchProcess(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = devEnvironment(), asTerminal = false): DevRun {
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: asTerminal });
  let text = '';
  let cursor = 0;
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    waiters.forEach((check) => check());
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    resolve(code);
    waiters.forEach((check) => check());
  }));

  const next = (pattern: RegExp, timeoutMs = 90_000) => new Promise<RegExpExecArray>((resolve, reject) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    const timer = setTimeout(() => finish(new Error(`dev did not print ${pattern} within ${timeoutMs} ms; it printed:\n${text}`)), timeoutMs);
    const check = () => {
      global.lastIndex = cursor;
      const match = global.exec(text);
      if (match) {
        cursor = match.index + match[0].length;
        return finish(undefined, match);
      }
      if (child.exitCode !== null || child.signalCode !== null) finish(new Error(`dev exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}; it printed:\n${text}`));
    };
    function finish(error?: Error, match?: RegExpExecArray): void {
      clearTimeout(timer);
      waiters.delete(check);
      if (error) reject(error);
      else resolve(match!);
    }
    waiters.add(check);
    check();
  });

  return {
    child, exited, next,
    transcript: () => text,
    interrupt: () => {
      if (child.exitCode === null && child.signalCode === null) {
        if (asTerminal) process.kill(-child.pid!, 'SIGINT');
        else child.kill('SIGINT');
      }
      return exited;
    },
  };
}

/** POSTs JSON to the emulator's HTTP routes and returns the parsed answer. */
export async function emulatorCall<T>(emulatorUrl: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl}${route}`, {
    method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A user says something in the room; resolves to the texts the add-ons replied. */
export async function say(emulatorUrl: string, message: string, room = 1): Promise<string[]> {
  const conversation = await emulatorCall<{ replies: Array<{ message: string }> }>(emulatorUrl, 'POST', `/emulator/rooms/${room}/messages`, { user: 1, message });
  return conversation.replies.map((reply) => reply.message);
}
