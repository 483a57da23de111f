import path from 'node:path';
import type { Descriptor } from '../core/descriptor';
import { PATHS } from '../core/paths';
import { startAddonProcess, type AddonProcess, type Exit } from './addon-process';
import { descriptorChanges } from './descriptor-changes';
import type { InstallationKeeper } from './installation';
import { untilServing } from './ready';
import type { Changes } from './watcher';

interface SessionOptions {
  projectDir: string;
  entry: string;
  port: number;
  /** The environment the add-on runs with (PORT, HOST, HIPCHAT_CONNECT_BASE_URL, NODE_ENV, …). */
  env: NodeJS.ProcessEnv;
  /** Absent when there is no host to install into (a public tunnel for HipChat Server). */
  keeper: InstallationKeeper | undefined;
  /** Called after the first start that served, to print where everything is. */
  onFirstServed: () => void;
  say: (line: string) => void;
  warn: (line: string) => void;
}

const STOP_GRACE_MS = 10_000;

/**
 * The add-on's life under dev: one child process at a time, started again after each batch of saves,
 * under the same port and so the same installation. Restarts run one after another; saves that come
 * while one runs are folded into the next, and a start still waiting to serve is given up for it.
 */
export class DevSession {
  #process: AddonProcess | undefined;
  #work: Promise<void> = Promise.resolve();
  #pending: Changes | undefined;
  #waiting = new AbortController();
  #served = false;
  /** The descriptor last served, when there is no keeper to compare with the host's. */
  #offered: Descriptor | undefined;
  #closing = false;
  readonly #stopped = new WeakSet<AddonProcess>();

  constructor(private readonly options: SessionOptions) {}

  /** The first start; resolves once it served or failed (dev goes on watching either way). */
  start(): Promise<void> {
    return this.#enqueue(() => this.#cycle(undefined));
  }

  restart(changes: Changes): void {
    if (this.#closing) return;
    if (this.#pending) {
      this.#pending = { files: [...new Set([...this.#pending.files, ...changes.files])], firstSeenAt: this.#pending.firstSeenAt };
      return;
    }
    this.#pending = changes;
    this.#waiting.abort();
    void this.#enqueue(() => {
      const batch = this.#pending!;
      this.#pending = undefined;
      return this.#cycle(batch);
    });
  }

  /** Uninstalls unless `keep`, then stops the add-on. */
  async stop(keep: boolean): Promise<void> {
    this.#closing = true;
    // A start under way gets a while to serve, so that the uninstall can still reach the add-on.
    const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
    await Promise.race([this.#work, grace]);
    this.#waiting.abort();
    await this.#work;
    const { keeper, say, warn } = this.options;
    if (keeper?.oauthId !== undefined) {
      if (keep) say(`Kept the installation (oauthId ${keeper.oauthId}); a later dev run into the same host takes it up again.`);
      else await keeper.remove().then((status) => say(`Uninstalled (the add-on answered ${status}).`), (error: unknown) => warn(`Uninstall: ${messageOf(error)}`));
    }
    if (this.#process) await this.#stop(this.#process);
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    this.#work = this.#work.then(() => (this.#closing ? undefined : step())).catch((error: unknown) => this.options.warn(messageOf(error)));
    return this.#work;
  }

  async #cycle(changes: Changes | undefined): Promise<void> {
    const { say, warn } = this.options;
    if (changes) say(`${describeFiles(changes.files)} changed: restarting the add-on`);
    if (this.#process) await this.#stop(this.#process);
    const startedAt = changes?.firstSeenAt ?? Date.now();
    const child = startAddonProcess({ entry: this.options.entry, cwd: this.options.projectDir, env: this.options.env });
    this.#process = child;
    this.#waiting = new AbortController();
    const readiness = await untilServing({
      descriptorUrl: `http://127.0.0.1:${this.options.port}${PATHS.descriptor}`, exited: child.exited, signal: this.#waiting.signal,
      onSlow: () => warn(`The add-on has not served ${PATHS.descriptor} on port ${this.options.port} yet: does ${this.#entryName()} call addon.listen() (which reads PORT)?`),
    });
    if (readiness.kind === 'aborted') return;
    if (readiness.kind === 'exited') {
      warn(`The add-on ${describeExit(readiness.exit)} before it served; dev is still watching: fix it and save.`);
      return;
    }
    say(`${changes ? 'Restarted' : 'Started'} in ${Date.now() - startedAt} ms`);
    void child.exited.then((exit) => {
      if (!this.#stopped.has(child)) warn(`The add-on ${describeExit(exit)}; dev starts it again at the next save.`);
    });
    try {
      const note = this.options.keeper ? await this.options.keeper.sync(readiness.descriptor) : this.#unsynced(readiness.descriptor);
      if (note) say(note);
    } catch (error) {
      warn(`Installing into the host failed: ${messageOf(error)}${this.#hostHint(error)}; dev tries again at the next save.`);
      return;
    }
    if (!this.#served) {
      this.#served = true;
      this.options.onFirstServed();
    }
  }

  async #stop(child: AddonProcess): Promise<void> {
    this.#stopped.add(child);
    await child.stop();
  }

  /** With no host to update (HipChat Server behind a tunnel), a changed descriptor is the admin's to take up. */
  #unsynced(descriptor: Descriptor): string | undefined {
    const changes = this.#offered === undefined ? [] : descriptorChanges(this.#offered, descriptor);
    this.#offered = descriptor;
    if (changes.length === 0) return undefined;
    return `The descriptor changed (${changes.join(', ')}); update the add-on from HipChat Server's admin page to see it there.`;
  }

  /** The one refusal an author causes by their environment: development mode is off. */
  #hostHint(error: unknown): string {
    const nodeEnv = this.options.env.NODE_ENV ?? '';
    if (!messageOf(error).includes('HOST_NOT_ALLOWED') || ['development', 'test'].includes(nodeEnv)) return '';
    return ` (NODE_ENV is "${nodeEnv}": only in development mode does the add-on accept installs from the loopback emulator)`;
  }

  #entryName(): string {
    return path.relative(this.options.projectDir, this.options.entry);
  }
}

function describeFiles(files: string[]): string {
  return files.length === 1 ? files[0]! : `${files[0]} and ${files.length - 1} more`;
}

function describeExit(exit: Exit): string {
  if (exit.signal) return `was killed by ${exit.signal}`;
  return exit.code === null ? 'could not be started' : `exited with code ${exit.code}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
