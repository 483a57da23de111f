import { setTimeout as delay } from 'node:timers/promises';

/**
 * Fails the test file if any promise rejection goes unhandled while it runs: a failure path (a retry
 * loop, a wait, a promise shared by many callers) must leave none behind. Call it at the top of a file.
 */
export function expectNoUnhandledRejections(): void {
  const reasons: unknown[] = [];
  const record = (reason: unknown) => reasons.push(reason);
  beforeAll(() => process.on('unhandledRejection', record));
  afterAll(async () => {
    await delay(50); // a rejection left unhandled is reported on a later turn of the event loop
    process.off('unhandledRejection', record);
    expect(reasons).toEqual([]);
  });
}
