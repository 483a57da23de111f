import { createInterface } from 'node:readline';

/** The first line a bench server process prints, as JSON: where it listens. */
export function firstLine<T>(stream: NodeJS.ReadableStream): Promise<T> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.once('line', (text) => resolve(JSON.parse(text) as T));
    lines.once('close', () => reject(new Error('the bench servers exited before listening')));
  });
}
