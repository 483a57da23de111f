import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Addon } from 'hipchat-connect';

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Mounts an add-on's router in a fresh Express app on a free loopback port. */
export async function serveAddon(addon: Addon, configure?: (app: express.Express) => void): Promise<Served> {
  const app = express();
  configure?.(app);
  app.use(addon.router);
  return listen(app);
}

/**
 * Runs an add-on as a server of its own (`addon.listen`) on loopback; on a free port unless told one.
 * Without signal handling: the test run owns the process's signals, and an add-on that took SIGTERM
 * (a CLI test emits one to stop its command) would close and then end the whole jest process by it.
 * Signal handling is tested in child processes (test/integration/shutdown).
 */
export async function serveStandalone(addon: Addon, app?: express.Express, port = 0): Promise<Served> {
  return served(await addon.listen({ port, host: '127.0.0.1', app, handleSignals: false }));
}

export function listen(app: express.Express): Promise<Served> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(served(server)));
  });
}

function served(server: Server): Served {
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
