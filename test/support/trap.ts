import express from 'express';
import { listen, type Served } from './serve';

export interface Trap extends Served {
  /** Requests received so far, of any method and path. */
  readonly hits: number;
}

/**
 * A loopback server standing for a host the add-on must never contact: it answers everything with an
 * empty JSON object and counts, so a test can show a refusal happened before any request was made.
 */
export async function startTrap(): Promise<Trap> {
  let hits = 0;
  const app = express();
  app.use((_req, res) => {
    hits++;
    res.json({});
  });
  const served = await listen(app);
  return {
    ...served,
    get hits() {
      return hits;
    },
  };
}
