/**
 * Time limits for many short waits (request bodies), kept by one timer per limit rather than one per
 * wait. A webhook's body usually arrives in the same tick as its headers; arming and clearing a timer for
 * each of thousands of requests a second was a measurable share of the webhook path (docs/performance.md).
 * The price is precision: a wait is cut between `limitMs` and `limitMs × 1.1` (at least 5 ms) after it began.
 */
export class Deadlines {
  private readonly waiting = new Map<() => void, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly tickMs: number;

  constructor(private readonly limitMs: number) {
    this.tickMs = Math.max(5, Math.ceil(limitMs / 10));
  }

  /** Calls `expired` once the limit has passed, unless the returned function was called first. */
  start(expired: () => void): () => void {
    this.waiting.set(expired, Date.now() + this.limitMs);
    // An unref'd timer: a wait in progress never keeps the process alive by itself.
    this.timer ??= setInterval(() => this.sweep(), this.tickMs).unref();
    return () => void this.waiting.delete(expired);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [expired, at] of this.waiting) {
      if (at > now) continue;
      this.waiting.delete(expired);
      expired();
    }
    if (this.waiting.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

const byLimit = new Map<number, Deadlines>();

/** The shared deadlines for one limit: an add-on has one or two body time limits, not one per request. */
export function deadlinesFor(limitMs: number): Deadlines {
  let deadlines = byLimit.get(limitMs);
  if (!deadlines) byLimit.set(limitMs, (deadlines = new Deadlines(limitMs)));
  return deadlines;
}
