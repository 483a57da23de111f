import { buildAddon } from './addon';
import { createApp } from './app';
import { storeFromEnvironment } from './store';

/**
 * Runs the app. The environment decides where, as `addon.listen()` would: `PORT` and `HOST` (default
 * 3000 on 127.0.0.1), `HIPCHAT_CONNECT_BASE_URL` for the public URL behind a tunnel or a proxy,
 * `REDIS_URL` for the store, and `NODE_ENV=development` to accept installs from a local emulator.
 */
function main(): void {
  const opened = storeFromEnvironment();
  const addon = buildAddon({ store: opened.store });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createApp(addon).listen(port, host, () => {
    const address = server.address();
    console.log(`${addon.options.name} listening on port ${typeof address === 'object' && address !== null ? address.port : port}`);
  });
  server.once('error', (error) => {
    console.error(error);
    process.exitCode = 1;
  });

  // Ctrl-C or a stop from the platform: finish what is in flight, then let go of the store.
  const stop = () => {
    server.close(() => void addon.close().then(() => opened.close()));
    server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
