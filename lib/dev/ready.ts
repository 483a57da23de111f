import type { Descriptor } from '../core/descriptor';
import type { Exit } from './addon-process';

type Readiness = { kind: 'serving'; descriptor: Descriptor } | { kind: 'exited'; exit: Exit } | { kind: 'aborted' };

interface ReadinessOptions {
  /** The descriptor on loopback, where dev reaches the add-on whatever its public URL is. */
  descriptorUrl: string;
  exited: Promise<Exit>;
  signal: AbortSignal;
  /** Called once when the add-on has neither served nor exited for this long. */
  onSlow: () => void;
  slowAfterMs?: number;
}

const POLL_MS = 50;

/**
 * Waits until the add-on serves its descriptor (it has built and validated it, and listens), or its
 * process ended, or dev stopped waiting. No deadline: on a loaded machine a start can take long, and a
 * program that never listens is reported once (`onSlow`) and then waited for until the next save.
 */
export async function untilServing(options: ReadinessOptions): Promise<Readiness> {
  let ended: Exit | undefined;
  void options.exited.then((exit) => {
    ended = exit;
  });
  const slow = setTimeout(options.onSlow, options.slowAfterMs ?? 15_000);
  try {
    while (!options.signal.aborted) {
      const descriptor = await fetchDescriptor(options.descriptorUrl, options.signal);
      if (descriptor) return { kind: 'serving', descriptor };
      if (ended) return { kind: 'exited', exit: ended };
      await pause(POLL_MS, options.signal);
    }
    return { kind: 'aborted' };
  } finally {
    clearTimeout(slow);
  }
}

async function fetchDescriptor(url: string, signal: AbortSignal): Promise<Descriptor | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) });
    return response.ok ? ((await response.json()) as Descriptor) : undefined;
  } catch {
    return undefined;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
