import { setTimeout as delay } from 'node:timers/promises';

/** Checks `condition` every 20 ms until it holds; fails the test once `timeoutMs` passed without it. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(20);
  }
}
