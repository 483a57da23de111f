import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectError, invalidOption, invalidVariable } from '../errors';

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

/** Where a server listens, and the setting each half came from, so an error can name the one to change. */
export interface ListenAddress {
  port: number;
  host: string;
  /** `options.port` or the environment variable `PORT`. */
  portFrom: 'option' | 'PORT';
}

const PORT_RULE = 'a whole number from 0 to 65535 (0 picks a free port)';

/** The port and host of `listen(options)`: the option, else `PORT`/`HOST`, else 3000 on 127.0.0.1. */
export function listenAddress(options: { port?: number; host?: string }): ListenAddress {
  const host = options.host ?? (process.env.HOST || '127.0.0.1');
  if (options.port !== undefined) {
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw invalidOption('port', PORT_RULE);
    return { port: options.port, host, portFrom: 'option' };
  }
  const variable = process.env.PORT;
  if (variable === undefined || variable === '') return { port: 3000, host, portFrom: 'option' };
  // Digits only: Number(' ') is 0, a free port, where the user surely meant something else.
  if (!/^\d{1,5}$/.test(variable) || Number(variable) > 65535) throw invalidVariable('PORT', PORT_RULE);
  return { port: Number(variable), host, portFrom: 'PORT' };
}

/** Listens, turning "port in use" and "not allowed" into a coded error that says what to change. */
export async function listenAt(server: Server, address: ListenAddress): Promise<void> {
  try {
    await listenOn(server, address.port, address.host);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code;
    const { port, host } = address;
    const setting = address.portFrom === 'PORT' ? 'the PORT environment variable' : 'options.port';
    const otherPort = `choose another port with ${setting} (0 picks a free one)`;
    const message = reason === 'EADDRINUSE' ? `Port ${port} is already in use on ${host}: stop what listens there, or ${otherPort}`
      : reason === 'EACCES' ? `Listening on port ${port} is not allowed for this user (ports below 1024 need privileges): ${otherPort}`
        : reason === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine: listen on another with options.host or HOST`
          : `Could not listen on ${host}:${port} (${reason ?? String(error)})`;
    throw new ConnectError('LISTEN_FAILED', message, { cause: error, details: { port, host, setting: address.portFrom === 'PORT' ? 'PORT' : 'port', reason } });
  }
}

/** The URL a person can open: the wildcard addresses as localhost, IPv6 in brackets, the port bound. */
export function listeningUrl(server: Server, address: ListenAddress): string {
  const { host } = address;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${(server.address() as AddressInfo).port}`;
}
