import { buildAddon } from './addon';
import { pageApi } from './routes';
import { storeFromEnvironment } from './store';

/**
 * Runs the add-on. The environment decides where: `PORT` and `HOST` (default 3000 on 127.0.0.1),
 * `HIPCHAT_CONNECT_BASE_URL` for the public URL behind a tunnel or a proxy, `REDIS_URL` for the store,
 * and `NODE_ENV=development` to accept installs from a local emulator (`npm run dev` sets it).
 */
async function main(): Promise<void> {
  const opened = storeFromEnvironment();
  const addon = buildAddon({ store: opened.store });
  const server = await addon.listen({ app: pageApi(addon) });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : address;
  console.log(`${addon.options.name} listening on port ${port}; descriptor at /atlassian-connect.json`);

  // Ctrl-C or a stop from the platform: finish what is in flight, then let go of the store.
  const stop = () => {
    server.close(() => void addon.close().then(() => opened.close()));
    server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
