import { invalidOption } from '../errors';
import type { Clock } from './clock';

/** So many requests per window of so many seconds. */
export interface Limit {
  limit: number;
  windowSeconds: number;
}

export interface Limits {
  /** Per token, on every REST API request: HipChat's 500 per 5 minutes. */
  rateLimit: Limit;
  /** Per room or per user, on every message and notification sent through the API: 30 per minute. */
  floodControl: Limit;
}

const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  rateLimit: Object.freeze({ limit: 500, windowSeconds: 300 }),
  floodControl: Object.freeze({ limit: 30, windowSeconds: 60 }),
});

/** What the `X-Ratelimit-*` and `X-FloodControl-*` headers say after one request was counted. */
export interface WindowState {
  limit: number;
  remaining: number;
  /** Unix seconds when the window starts over. */
  reset: number;
  /** Whole seconds until the reset, for `Retry-After`. */
  secondsToReset: number;
  allowed: boolean;
}

/**
 * Fixed windows per key, on the injected clock: a window opens at a key's first request and counts
 * until it ends. A refused request is not counted, so a client that waits for `reset` gets the full
 * limit again.
 */
export class FixedWindows {
  private readonly windows = new Map<string, { endsAt: number; used: number }>();

  constructor(
    private readonly clock: Clock,
    private settings: Limit,
  ) {}

  take(key: string): WindowState {
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { endsAt: now + this.settings.windowSeconds * 1000, used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < this.settings.limit;
    if (allowed) window.used++;
    // Rounded up: a client that waits until the advertised second must find the window over.
    const reset = Math.ceil(window.endsAt / 1000);
    const secondsToReset = Math.ceil((window.endsAt - now) / 1000);
    return { limit: this.settings.limit, remaining: this.settings.limit - window.used, reset, secondsToReset, allowed };
  }

  get current(): Limit {
    return { ...this.settings };
  }

  /** New settings start every window afresh, so a test that lowers a limit hits it predictably. */
  configure(settings: Limit): void {
    this.settings = settings;
    this.windows.clear();
  }
}

/** What is left out taken from `base` (the defaults), and checked; a mistake names the option (`rateLimit.limit`). */
export function resolveLimit(name: keyof Limits, given: Partial<Limit> | undefined, base: Limit = DEFAULT_LIMITS[name]): Limit {
  if (given !== undefined && (typeof given !== 'object' || given === null)) throw invalidOption(name, 'an object {limit, windowSeconds}');
  const resolved = { ...base, ...given };
  if (!Number.isInteger(resolved.limit) || resolved.limit < 1) throw invalidOption(`${name}.limit`, 'a positive integer');
  if (!Number.isInteger(resolved.windowSeconds) || resolved.windowSeconds < 1) throw invalidOption(`${name}.windowSeconds`, 'a positive integer');
  return resolved;
}

export interface LimitChanges {
  rateLimit?: Partial<Limit>;
  floodControl?: Partial<Limit>;
}

/** Changes limits at run time, over the current ones, and starts every window afresh. */
export function setLimits(windows: { rateLimits: FixedWindows; floodControl: FixedWindows }, changes: LimitChanges): void {
  const rateLimit = resolveLimit('rateLimit', changes.rateLimit, windows.rateLimits.current);
  const floodControl = resolveLimit('floodControl', changes.floodControl, windows.floodControl.current);
  windows.rateLimits.configure(rateLimit);
  windows.floodControl.configure(floodControl);
}
