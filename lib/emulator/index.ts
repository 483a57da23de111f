/**
 * The local HipChat (`hipchat-connect/emulator`): a host to develop and test an add-on against, over
 * real HTTP. It is an entry of its own so that an add-on importing `hipchat-connect` never loads it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenOn } from '../http/listen';
import type { ApiExchange } from './api/exchange';
import { hostUrls } from './capabilities';
import type { GlanceScope, GlanceState } from './glances';
import type { HistoryMessage } from './history';
import { createHost, requireRoom, requireUser, type Host, type HostInstallation } from './host';
import { createApp } from './http/app';
import { installAddon, updateAddon, type InstallRequest, type UpdateRequest } from './install';
import { setLimits, type Limit, type LimitChanges, type Limits } from './limits';
import type { EmulatorLog } from './log';
import type { Conversation } from './message-bus';
import { createPersonalToken, createRoomToken } from './minted-tokens';
import { resolveEmulatorOptions, type EmulatorOptions } from './options';
import type { AddonAnswer } from './outbound';
import { postMessage, type PostMessageRequest } from './post-message';
import { InstallableTickets, redirectInstall, redirectUninstall, type RedirectAnswer } from './redirect-flows';
import type { PersonalGrant, RoomGrant, TokenGrant } from './token-registry';
import { rotateSecret, uninstallAddon } from './uninstall';
import { sendWebhook, type WebhookDelivery, type WebhookRequest } from './webhook-sender';
import type { Group, Room, User } from './world';

// What a test names through `hipchat-connect/emulator`: the options, and the answers a test's own helpers
// pass on. The other types of Emulator's methods are reached through it (`Parameters<Emulator['install']>[0]`)
// and stay free to change.
export type { EmulatorOptions, HostInstallation, ApiExchange, Conversation };

/** The log as tests see it: to read, not to change. */
type EmulatorLogView = { readonly [K in keyof EmulatorLog]: ReadonlyArray<Readonly<EmulatorLog[K][number]>> };

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
  /** The update flow (a re-install); `descriptorUrl` moves the installation to a descriptor that moved. */
  update(oauthId: string, request?: UpdateRequest): Promise<HostInstallation>;
  uninstall(oauthId: string): Promise<AddonAnswer>;
  /** Installs by the browser redirect flow: the add-on's answer to the browser's GET of its `installedUrl`. */
  redirectInstall(request: InstallRequest): Promise<RedirectAnswer>;
  /** Uninstalls by the browser redirect flow, through the add-on's `uninstalledUrl`. */
  redirectUninstall(oauthId: string): Promise<RedirectAnswer>;
  rotateSecret(oauthId: string): string;
  sendWebhook(request: WebhookRequest): Promise<WebhookDelivery>;
  /** The grant behind a live access token; undefined once it is unknown, revoked or expired. */
  lookupToken(token: string): TokenGrant | undefined;
  /** A room notification token for one room (scopes send_notification and view_room); it lives until revoked. */
  createRoomToken(room: number | string, label?: string): RoomGrant;
  /** A personal access token acting as the user (an id, email or @mention) with the given scopes. */
  createPersonalToken(user: number | string, scopes: readonly string[]): PersonalGrant;
  /** A user says something in a room; resolves once every listening webhook has answered and replies are posted. */
  postMessage(request: PostMessageRequest): Promise<Conversation>;
  /** The room's messages and notifications, oldest first. */
  history(room: number | string): ReadonlyArray<Readonly<HistoryMessage>>;
  /** Private messages sent to the user through the REST API, oldest first. */
  privateMessages(user: number | string): ReadonlyArray<Readonly<HistoryMessage>>;
  /** The latest pushed content of every glance, per installation, key and scope. */
  glances(): ReadonlyArray<Readonly<GlanceState>>;
  /** Changes the rate limit and flood control at run time (over the current values) and restarts their windows. */
  setLimits(changes: LimitChanges): void;
  /** Resolves once the webhooks and uninstalls that REST calls set off in the background are done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the local HipChat on loopback and resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveEmulatorOptions(options);
  const server = createServer();
  await listenOn(server, resolved.port, resolved.host);
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
    install: (request) => installAddon(host, request),
    update: (oauthId, request) => updateAddon(host, oauthId, request),
    uninstall: (oauthId) => uninstallAddon(host, oauthId),
    redirectInstall: (request) => redirectInstall(host, tickets, request),
    redirectUninstall: (oauthId) => redirectUninstall(host, tickets, oauthId),
    rotateSecret: (oauthId) => rotateSecret(host, oauthId),
    sendWebhook: (request) => sendWebhook(host, request),
    lookupToken: (token) => host.tokens.lookup(token),
    createRoomToken: (room, label) => createRoomToken(host, room, label),
    createPersonalToken: (user, scopes) => createPersonalToken(host, user, scopes),
    postMessage: (request) => postMessage(host, request),
    history: (room) => host.histories.room(requireRoom(host, room).id),
    privateMessages: (user) => host.histories.privateChat(requireUser(host, user).id),
    glances: () => host.glances.all(),
    setLimits: (changes) => setLimits(host, changes),
    settled: () => host.pending.settled(),
    // Background deliveries finish first, so nothing the emulator started outlives it; then the web
    // UI's event streams end, since an open stream would keep the server from closing.
    close: async () => {
      await host.pending.settled();
      host.feed.close();
      await close(server);
    },
  };
}

/** Stops accepting, and drops idle keep-alive connections so close does not wait for clients to time out. */
function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
