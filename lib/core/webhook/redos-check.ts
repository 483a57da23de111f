import { Worker } from 'node:worker_threads';

/** What recheck found about one pattern. */
export interface RedosVerdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** `polynomial` or `exponential`, when vulnerable. */
  complexity?: string;
  /** An attack string as recheck writes it (`'/a' + ' '.repeat(54773) + '\n'`), when vulnerable. */
  attack?: string;
  /** Why there is no verdict (a time-out, a pattern recheck cannot read), when unknown. */
  reason?: string;
}

/** The longest one pattern's check may take; recheck then answers `unknown` (a time-out). */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * Runs recheck's pure-JavaScript checker in a worker thread of its own: it needs neither recheck's
 * native binary nor Java (whichever platform the add-on runs on), and the seconds a check of a
 * hard pattern takes never block the add-on's start-up or its requests. The worker's environment
 * selects the pure backend for the worker alone; the add-on's own process.env is left as it was.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { checkSync } = require(workerData.recheck);
parentPort.on('message', ({ id, source, flags }) => {
  let verdict;
  try {
    const found = checkSync(source, flags, { timeout: workerData.timeoutMs });
    verdict = { status: found.status, complexity: found.complexity && found.complexity.type, attack: found.attack && found.attack.pattern, reason: found.error && found.error.kind };
  } catch (error) {
    verdict = { status: 'unknown', reason: String(error && error.message || error) };
  }
  parentPort.postMessage({ id, verdict });
});`;

/** The checker's state: verdicts by `/source/flags`, the worker, and the answers it owes. */
interface Checker {
  verdicts: Map<string, Promise<RedosVerdict>>;
  waiting: Map<number, (verdict: RedosVerdict) => void>;
  worker: Worker | undefined;
  nextId: number;
}

/**
 * One per process, however many add-ons declare a pattern and however many copies of this module are
 * loaded (a test runner loads one per test file): found under a registry symbol, so each pattern is
 * checked once per process.
 */
const CHECKER = Symbol.for('hipchat-connect.redos-checker');
const holder = process as unknown as Record<symbol, Checker | undefined>;
const checker: Checker = (holder[CHECKER] ??= { verdicts: new Map(), waiting: new Map(), worker: undefined, nextId: 0 });
const { verdicts, waiting } = checker;

/** Checks a pattern for super-linear backtracking (ReDoS), off the main thread. Never rejects. */
export function checkRedos(pattern: RegExp): Promise<RedosVerdict> {
  const name = String(pattern);
  let verdict = verdicts.get(name);
  if (!verdict) {
    verdict = ask(pattern.source, pattern.flags);
    verdicts.set(name, verdict);
  }
  return verdict;
}

function ask(source: string, flags: string): Promise<RedosVerdict> {
  return new Promise((resolve) => {
    const id = checker.nextId++;
    waiting.set(id, resolve);
    const running = checker.worker ?? start();
    // Held open while an answer is awaited (a script waiting on addon.ready() must not just exit).
    running.ref();
    running.postMessage({ id, source, flags });
  });
}

function start(): Worker {
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { recheck: require.resolve('recheck'), timeoutMs: CHECK_TIMEOUT_MS },
    env: { ...process.env, RECHECK_SYNC_BACKEND: 'pure' },
  });
  started.on('message', ({ id, verdict }: { id: number; verdict: RedosVerdict }) => settle(id, verdict));
  // Only the current worker's end fails what is waiting: an idle one let go had nothing left to answer.
  const fail = (reason: string) => {
    if (checker.worker !== started) return;
    checker.worker = undefined;
    for (const id of [...waiting.keys()]) settle(id, { status: 'unknown', reason });
  };
  started.on('error', (error) => fail(error.message));
  started.on('exit', () => fail('the checker stopped'));
  checker.worker = started;
  return started;
}

function settle(id: number, verdict: RedosVerdict): void {
  waiting.get(id)?.(verdict);
  waiting.delete(id);
  // Idle: the worker (and recheck's heap) is let go; verdicts stay cached, so it rarely comes back.
  if (waiting.size === 0 && checker.worker) {
    const idle = checker.worker;
    checker.worker = undefined;
    void idle.terminate();
  }
}
