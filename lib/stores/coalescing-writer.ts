/**
 * Runs one write at a time and folds requests that arrive while a write is running into the single write
 * that follows it. A request's promise settles with the first write that starts after the request was
 * made, so it only resolves once a write that includes the caller's change has finished.
 *
 * The write function must read the data it writes when it starts, not before it is called.
 */
export class CoalescingWriter {
  private running: Promise<void> = Promise.resolve();
  private next: Promise<void> | undefined;

  constructor(private readonly write: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.next) return this.next;
    const next = this.running.then(() => {
      // From here on the write reads fresh data, so later requests must wait for the write after it.
      this.next = undefined;
      return this.write();
    });
    this.next = next;
    // A failed write fails only its own requests; the one after it still runs.
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Settles once every write requested so far has finished, whether it succeeded or not. */
  idle(): Promise<void> {
    return this.running;
  }
}
