import type { Logger } from '../logger';

/**
 * Work the REST API sets off and does not wait for: HipChat answered a notification at once and
 * delivered its webhooks afterwards, and so does the emulator. Tests wait for it with `settled()`.
 */
export class PendingWork {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Runs the work in the background; a failure is logged, never thrown into a request that has been answered. */
  start(what: string, work: () => Promise<unknown>): void {
    const task: Promise<unknown> = work()
      .catch((error: unknown) => this.logger.warn({ error, what }, 'emulator: background work failed'))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves once nothing runs, including work that running work started. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
