import type { Server } from 'node:http';
import { ConnectError } from '../errors';

/** After the drain's bound, how long the installs whose answers were cut get to roll back. */
const ROLLBACK_GRACE_MS = 5000;

/**
 * An add-on's graceful close: what is running is let finish, within a bound, before the store closes.
 * The router and the standalone server's fast lane run their work through `run`, which refuses new
 * work once closing (503 SHUTTING_DOWN, which load balancers and `/healthz` read as "drain me"); a
 * standalone server also `track`s every request it serves, the author's routes included.
 */
export class Drain {
  private readonly running = new Set<Promise<unknown>>();
  private readonly servers = new Set<Server>();
  private isClosing = false;

  get closing(): boolean {
    return this.isClosing;
  }

  /** One piece of the add-on's own work (a route), refused once closing. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new ConnectError('SHUTTING_DOWN', 'The add-on is shutting down'));
    return this.track(work());
  }

  /** Counts work that was already accepted, until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(() => undefined, () => undefined);
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return work;
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

  private async settled(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([Promise.all([...this.running]).then(() => true), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const drains = new WeakMap<object, Drain>();

/** The add-on's drain, shared by its router, its server and its `close()`. */
export function drainOf(addon: object): Drain {
  let drain = drains.get(addon);
  if (!drain) drains.set(addon, (drain = new Drain()));
  return drain;
}
