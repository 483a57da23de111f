/** What a promise rejected with, or `'resolved'` when it did not: for asserting on a failure's code and details. */
export function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => 'resolved', (error: unknown) => error);
}
