import type { Server } from 'node:http';

/** Listens, and settles once the server accepts connections or failed to (a port in use, say). */
export function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
