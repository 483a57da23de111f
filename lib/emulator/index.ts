import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostUrls } from './capabilities';
import { createHost, type Host, type HostInstallation } from './host';
import { createApp } from './http/app';
import { install, update, type InstallRequest } from './install';
import type { EmulatorLog } from './log';
import { resolveOptions, type EmulatorOptions } from './options';
import type { AddonAnswer } from './outbound';
import { InstallableTickets, redirectInstall, redirectUninstall, type RedirectAnswer } from './redirect-flows';
import type { TokenGrant } from './token-registry';
import { rotateSecret, uninstall } from './uninstall';
import { sendWebhook, type WebhookDelivery, type WebhookRequest } from './webhook-sender';
import type { Group, Room, User } from './world';

export type { EmulatorOptions } from './options';
export type { HostInstallation, InstallRequest, WebhookRequest, WebhookDelivery, AddonAnswer, RedirectAnswer, TokenGrant, Group, Room, User };
export type { TokenForm } from './webhook-token';

/** The log as tests see it: to read, not to change. */
export type EmulatorLogView = { readonly [K in keyof EmulatorLog]: ReadonlyArray<Readonly<EmulatorLog[K][number]>> };

export interface Emulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly apiUrl: string;
  readonly capabilitiesUrl: string;
  readonly group: Readonly<Group>;
  readonly users: ReadonlyArray<Readonly<User>>;
  readonly rooms: ReadonlyArray<Readonly<Room>>;
  readonly log: EmulatorLogView;
  install(request: InstallRequest): Promise<HostInstallation>;
  update(oauthId: string): Promise<HostInstallation>;
  uninstall(oauthId: string): Promise<AddonAnswer>;
  /** Installs by the browser redirect flow: the add-on's answer to the browser's GET of its `installedUrl`. */
  redirectInstall(request: InstallRequest): Promise<RedirectAnswer>;
  /** Uninstalls by the browser redirect flow, through the add-on's `uninstalledUrl`. */
  redirectUninstall(oauthId: string): Promise<RedirectAnswer>;
  rotateSecret(oauthId: string): string;
  sendWebhook(request: WebhookRequest): Promise<WebhookDelivery>;
  /** The grant behind a live access token; undefined once it is unknown, revoked or expired. */
  lookupToken(token: string): TokenGrant | undefined;
  close(): Promise<void>;
}

/** Starts the local HipChat on loopback and resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const server = createServer();
  await listen(server, resolved.port, resolved.host);
  const { port } = server.address() as AddressInfo;
  const address = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  const host = createHost(hostUrls(`http://${address}:${port}`), resolved);
  const tickets = new InstallableTickets();
  server.on('request', createApp(host, tickets));
  return emulatorOf(host, server, tickets);
}

function emulatorOf(host: Host, server: Server, tickets: InstallableTickets): Emulator {
  return {
    url: host.urls.url,
    apiUrl: host.urls.apiUrl,
    capabilitiesUrl: host.urls.capabilitiesUrl,
    group: host.world.group,
    users: host.world.users,
    rooms: host.world.rooms,
    log: host.log,
    install: (request) => install(host, request),
    update: (oauthId) => update(host, oauthId),
    uninstall: (oauthId) => uninstall(host, oauthId),
    redirectInstall: (request) => redirectInstall(host, tickets, request),
    redirectUninstall: (oauthId) => redirectUninstall(host, tickets, oauthId),
    rotateSecret: (oauthId) => rotateSecret(host, oauthId),
    sendWebhook: (request) => sendWebhook(host, request),
    lookupToken: (token) => host.tokens.lookup(token),
    close: () => close(server),
  };
}

function listen(server: Server, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting, and drops idle keep-alive connections so close does not wait for clients to time out. */
function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
