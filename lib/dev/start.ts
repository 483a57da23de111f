import path from 'node:path';
import { PATHS } from '../core/paths';
import { startEmulator, type Emulator } from '../emulator';
import { isLoopbackHost } from '../emulator/loopback';
import { ConnectError } from '../errors';
import { createConsoleLogger } from '../logger';
import { findEntry } from './entry';
import { hostClient, type HostClient } from './host-client';
import { InstallationKeeper, rememberOfferedUrl } from './installation';
import { reservePort } from './port';
import { pickRoom, webUiUrl } from './rooms';
import { DevSession } from './session';
import { chooseTunnel } from './tunnel/choose';
import type { Tunnel } from './tunnel/tunnel';
import { watchSource } from './watcher';

export interface DevOptions {
  projectDir: string;
  entry?: string;
  port: number;
  room?: string;
  /** A running emulator to install into instead of starting one. */
  host?: string;
  emulatorPort: number;
  keep: boolean;
  tunnel?: 'ngrok' | 'none';
  tunnelUrl?: string;
  ngrokApi: string;
}

interface Terminal {
  say(line: string): void;
  warn(line: string): void;
}

const terminal: Terminal = {
  say: (line) => process.stdout.write(`[dev] ${line}\n`),
  warn: (line) => process.stderr.write(`[dev] ${line}\n`),
};

/**
 * `hipchat-connect dev` from flags to Ctrl-C: the port, the tunnel, the host (an emulator of its own
 * when the add-on's URL is on loopback, `--host` when given, none behind a public tunnel), the add-on
 * under watch; at `stopping`, everything it started is stopped again, in reverse.
 */
export async function runDev(options: DevOptions, stopping: Promise<void>, { say, warn }: Terminal = terminal): Promise<void> {
  requireImportFlag();
  const entry = findEntry(options.projectDir, options.entry);
  const port = await reservePort(options.port);
  const tunnel = await chooseTunnel({ ...options, port, say });
  let emulator: Emulator | undefined;
  try {
    const publicUrl = tunnel?.url ?? `http://127.0.0.1:${port}`;
    const descriptorUrl = `${publicUrl}${PATHS.descriptor}`;
    let host: HostClient | undefined;
    if (options.host !== undefined) host = hostClient(options.host);
    else if (isLoopbackHost(new URL(publicUrl).hostname)) {
      emulator = await startOwnEmulator(options.emulatorPort);
      host = hostClient(emulator.url);
    }
    const room = host === undefined ? undefined : pickRoom(await host.rooms(), options.room);
    const keeper = host && room ? new InstallationKeeper({ host, room, descriptorUrl, projectDir: options.projectDir }) : undefined;
    if (!keeper) rememberOfferedUrl(options.projectDir, descriptorUrl, warn);

    const where = (): void => {
      say(`Add-on      http://127.0.0.1:${port} (${path.relative(options.projectDir, entry)}, TypeScript run by tsx)`);
      if (tunnel) say(`Public URL  ${tunnel.url} (from ${tunnel.source})`);
      say(`Descriptor  ${descriptorUrl}`);
      if (host && room) say(`Web UI      ${webUiUrl(host.url, room)}`);
      else offerToServer(descriptorUrl, say);
      say(`Watching ${options.projectDir} for changes; Ctrl-C ${keeper && !options.keep ? 'uninstalls and stops' : 'stops'}.`);
    };
    const session = new DevSession({ projectDir: options.projectDir, entry, port, env: addonEnvironment(port, publicUrl, tunnel), keeper, onFirstServed: where, say, warn });
    const watcher = watchSource(options.projectDir, (changes) => session.restart(changes));
    await watcher.ready;
    await Promise.race([session.start(), stopping]);
    await stopping;
    say('Stopping');
    await watcher.close();
    await session.stop(options.keep);
  } finally {
    await emulator?.close();
    await tunnel?.close();
  }
}

/** What the add-on runs with: the contract with the templates (their `src/index.ts` calls `addon.listen()`). */
export function addonEnvironment(port: number, publicUrl: string, tunnel: Tunnel | undefined, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    PORT: String(port),
    // dev reaches the add-on on loopback (and so does a tunnel's agent), whatever HOST the shell has.
    HOST: '127.0.0.1',
    HIPCHAT_CONNECT_BASE_URL: publicUrl,
    // Development mode lets the add-on accept installs from the loopback emulator; an author's own NODE_ENV wins.
    NODE_ENV: base.NODE_ENV ?? 'development',
    // The tunnel forwards from this machine with X-Forwarded-Proto and -Host; only loopback is trusted.
    ...(tunnel ? { HIPCHAT_CONNECT_TRUST_PROXY: 'loopback' } : {}),
  };
}

async function startOwnEmulator(port: number): Promise<Emulator> {
  try {
    return await startEmulator({ port, logger: createConsoleLogger() });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw cause;
    const url = `http://127.0.0.1:${port}`;
    throw new ConnectError('OPTION_INVALID', `--emulator-port ${port} is in use. If an emulator runs there, install into it with --host ${url}; else pass --emulator-port 0 for a free port`, { cause, details: { option: '--emulator-port' } });
  }
}

function offerToServer(descriptorUrl: string, say: (line: string) => void): void {
  say('Install it into HipChat Server or Data Center from the descriptor URL above (the admin\'s add-ons page:');
  say('"Install an add-on from a descriptor URL"), or into a running emulator with --host <url>.');
}

/** tsx's loader is registered with `node --import`, which Node has from 20.6 on. */
function requireImportFlag(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 20 || (major === 20 && minor >= 6)) return;
  throw new ConnectError('OPTION_INVALID', `hipchat-connect dev needs Node.js 20.6 or later (this is ${process.versions.node}): it runs TypeScript with node --import tsx`);
}
