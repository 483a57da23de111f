import type { Server } from 'node:http';
import { ConnectError } from '../errors';

/** After the drain's bound, how long the installs whose answers were cut get to roll back. */
const ROLLBACK_GRACE_MS = 5000;

/**
 * An add-on's graceful close: what is running is let finish, within a bound, before the store closes.
 * The router and the standalone server's fast lane run their work through `run`, which refuses new
 * work once closing (503 SHUTTING_DOWN, which load balancers and `/healthz` read as "drain me"); a
 * standalone server also `hold`s every request it serves until its response closes, the author's routes included.
 */
export class Drain {
  /** Work accepted and not yet settled: a count, not a set of promises, since every request adds to it. */
  private active = 0;
  private readonly whenIdle = new Set<() => void>();
  private readonly servers = new Set<Server>();
  private isClosing = false;

  get closing(): boolean {
    return this.isClosing;
  }

  /** One piece of the add-on's own work (a route), refused once closing. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new ConnectError('SHUTTING_DOWN', 'The add-on is shutting down'));
    const release = this.hold();
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      release();
      throw error;
    }
    running.then(release, release);
    return running;
  }

  /** Counts work that was already accepted until the returned function is called (a second call does nothing). */
  hold(): () => void {
    this.active++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.active === 0) for (const idle of this.whenIdle) idle();
    };
  }

  /** A server `addon.listen` started: closed by the drain, and no longer held once it closed by itself. */
  serve(server: Server): void {
    this.servers.add(server);
    server.once('close', () => this.servers.delete(server));
  }

  /**
   * Stops accepting (servers close, idle keep-alive connections go), waits up to `timeoutMs` for what
   * is running, then cuts what is left: an answer that can no longer be sent rolls its install back,
   * which is given up to ROLLBACK_GRACE_MS more, so the store is closed only after.
   */
  async shutdown(timeoutMs: number): Promise<void> {
    this.isClosing = true;
    const servers = [...this.servers];
    const closed = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
    for (const server of servers) server.closeIdleConnections();
    const finished = await this.settled(timeoutMs);
    for (const server of servers) server.closeAllConnections();
    if (!finished) await this.settled(ROLLBACK_GRACE_MS);
    await Promise.all(closed);
  }

  /** Whether everything held was released within `timeoutMs`. */
  private settled(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (finished: boolean) => {
        clearTimeout(timer);
        this.whenIdle.delete(idle);
        resolve(finished);
      };
      const idle = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.whenIdle.add(idle);
    });
  }
}

const drains = new WeakMap<object, Drain>();

/** The add-on's drain, shared by its router, its server and its `close()`. */
export function drainOf(addon: object): Drain {
  let drain = drains.get(addon);
  if (!drain) drains.set(addon, (drain = new Drain()));
  return drain;
}
