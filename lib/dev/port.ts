import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectError } from '../errors';

/**
 * The port the add-on will listen on, fixed for the whole session: every restart must come back on the
 * same one, since the installation's URLs name it. 0 picks a free port now; a port that is taken is an
 * error at once (often an add-on left running), rather than a child that fails on every save.
 */
export async function reservePort(port: number, host = '127.0.0.1'): Promise<number> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, host, resolve);
    });
    return (probe.address() as AddressInfo).port;
  } catch (cause) {
    const busy = (cause as NodeJS.ErrnoException).code === 'EADDRINUSE';
    const why = busy ? 'is in use (an add-on still running from an earlier session?)' : `cannot be listened on: ${String(cause)}`;
    throw new ConnectError('OPTION_INVALID', `--port ${port} ${why}; stop it, or pass --port 0 for a free port`, { cause, details: { option: '--port' } });
  } finally {
    await new Promise((resolve) => probe.close(resolve));
  }
}
