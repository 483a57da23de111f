import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Addon } from '../../lib/addon';

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

/** Runs an add-on as a server of its own (`addon.listen`) on loopback; on a free port unless told one. */
export async function serveStandalone(addon: Addon, app?: express.Express, port = 0): Promise<Served> {
  return served(await addon.listen({ port, host: '127.0.0.1', app }));
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
