import type { Descriptor, Webhook } from '../core/descriptor';
import { ConnectError } from '../errors';
import type { Logger } from '../logger';
import type { HostUrls } from './capabilities';
import type { ApiExchange } from './api/exchange';
import type { Clock } from './clock';
import { seedEmoticons, type Emoticon } from './emoticons';
import { Glances } from './glances';
import { Histories } from './history';
import { FixedWindows } from './limits';
import { Feed } from './feed';
import { emptyLog, type EmulatorLog } from './log';
import { OAuthClients, type OAuthClient } from './oauth-clients';
import type { ResolvedEmulatorOptions } from './options';
import { PendingWork } from './pending-work';
import { RoomWebhooks } from './room-webhooks';
import { TokenRegistry } from './token-registry';
import { findRoom, findUserByKey, seedWorld, type Room, type User, type World } from './world';

/** An add-on the host has installed; its credentials live in the OAuth client of the same oauthId. */
export interface InstalledAddon {
  oauthId: string;
  descriptorUrl: string;
  descriptor: Descriptor;
  /** Where the install went; the uninstall DELETE goes below it. */
  callbackUrl: string;
  roomId?: number;
  /** The descriptor's webhooks, each with the id HipChat puts in the envelope's `webhook_id`. */
  webhooks: Array<Webhook & { id: number }>;
  installedAt: string;
  updatedAt?: string;
}

/** The installation as the emulator reports it: the add-on's view (callback body) plus what the host knows. */
export interface HostInstallation {
  oauthId: string;
  oauthSecret: string;
  groupId: number;
  roomId?: number;
  capabilitiesUrl: string;
  descriptorUrl: string;
  descriptor: Descriptor;
  scopes: string[];
  installedAt: string;
  updatedAt?: string;
}

/** Everything the emulator holds, shared by the install driver, the webhook sender and the HTTP routes. */
export interface Host {
  readonly urls: HostUrls;
  readonly world: World;
  readonly clients: OAuthClients;
  readonly tokens: TokenRegistry;
  readonly installations: Map<string, InstalledAddon>;
  readonly histories: Histories;
  readonly roomWebhooks: RoomWebhooks;
  readonly glances: Glances;
  readonly emoticons: readonly Emoticon[];
  /** Per token (`X-Ratelimit-*`). */
  readonly rateLimits: FixedWindows;
  /** Per room or user (`X-FloodControl-*`). */
  readonly floodControl: FixedWindows;
  /** Webhooks and uninstalls the REST API set off without waiting. */
  readonly pending: PendingWork;
  /** What the web UI hears live. */
  readonly feed: Feed;
  readonly log: EmulatorLog;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onExchange: ((exchange: ApiExchange) => void) | undefined;
  nextWebhookId(): number;
  /** Room ids only grow: HipChat never gave a deleted room's id to a new room. */
  nextRoomId(): number;
}

export function createHost(urls: HostUrls, options: ResolvedEmulatorOptions): Host {
  let webhookIds = 0;
  const nextWebhookId = () => ++webhookIds;
  const { clock, logger } = options;
  const world = seedWorld();
  let roomIds = Math.max(0, ...world.rooms.map((room) => room.id));
  return {
    urls,
    world,
    clients: new OAuthClients(),
    tokens: new TokenRegistry(clock, options.tokenTtlSeconds),
    installations: new Map(),
    histories: new Histories(),
    roomWebhooks: new RoomWebhooks(nextWebhookId),
    glances: new Glances(),
    emoticons: seedEmoticons(),
    rateLimits: new FixedWindows(clock, options.rateLimit),
    floodControl: new FixedWindows(clock, options.floodControl),
    pending: new PendingWork(logger),
    feed: new Feed(),
    log: emptyLog(),
    clock,
    logger,
    onExchange: options.onExchange,
    nextWebhookId,
    nextRoomId: () => ++roomIds,
  };
}

/** Keeps a new installation, and tells the web UI. */
export function keepInstallation(host: Host, installed: InstalledAddon): void {
  host.installations.set(installed.oauthId, installed);
  host.feed.publish({ type: 'installations' });
}

/**
 * Forgets an installation and everything the host keeps for it: its OAuth client and tokens, the room
 * webhooks it registered, and the glances it pushed.
 */
export function forgetInstallation(host: Host, oauthId: string): void {
  host.clients.remove(oauthId);
  host.tokens.revokeClient(oauthId);
  host.installations.delete(oauthId);
  host.roomWebhooks.removeInstallation(oauthId);
  host.glances.removeInstallation(oauthId);
  host.feed.publish({ type: 'installations' });
}

export function requireInstallation(host: Host, oauthId: string): { installed: InstalledAddon; client: OAuthClient } {
  const installed = host.installations.get(oauthId);
  const client = host.clients.get(oauthId);
  if (!installed || !client) throw new ConnectError('INSTALLATION_NOT_FOUND', `No installation with oauthId ${oauthId}`, { details: { oauthId } });
  return { installed, client };
}

export function requireRoom(host: Host, idOrName: number | string): Room {
  const room = findRoom(host.world, idOrName);
  if (!room) throw new ConnectError('PAYLOAD_INVALID', `The emulator has no room ${idOrName}`, { details: { room: idOrName } });
  return room;
}

/** A user named by id, email or `@mention`; a PAYLOAD_INVALID naming `field` when the world has none. */
export function requireUser(host: Host, key: number | string, field = 'user'): User {
  const user = findUserByKey(host.world, key);
  if (!user) throw new ConnectError('PAYLOAD_INVALID', `The emulator has no user ${key}`, { details: { field } });
  return user;
}

export function describeInstallation(host: Host, installed: InstalledAddon, client: OAuthClient): HostInstallation {
  const { webhooks: _webhooks, callbackUrl: _callbackUrl, ...record } = installed;
  return { ...record, oauthSecret: client.oauthSecret, groupId: client.groupId, capabilitiesUrl: host.urls.capabilitiesUrl, scopes: [...client.scopes] };
}
