import type { Descriptor, Webhook } from '../core/descriptor';
import { ConnectError } from '../errors';
import type { Logger } from '../logger';
import type { HostUrls } from './capabilities';
import type { Clock } from './clock';
import { emptyLog, type EmulatorLog } from './log';
import { OAuthClients, type OAuthClient } from './oauth-clients';
import { TokenRegistry } from './token-registry';
import { findRoom, seedWorld, type Room, type World } from './world';

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
  readonly log: EmulatorLog;
  readonly clock: Clock;
  readonly logger: Logger;
  nextWebhookId(): number;
}

export function createHost(urls: HostUrls, clock: Clock, logger: Logger, tokenTtlSeconds?: number): Host {
  let webhookIds = 0;
  return {
    urls,
    world: seedWorld(),
    clients: new OAuthClients(),
    tokens: new TokenRegistry(clock, tokenTtlSeconds),
    installations: new Map(),
    log: emptyLog(),
    clock,
    logger,
    nextWebhookId: () => ++webhookIds,
  };
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

export function describeInstallation(host: Host, installed: InstalledAddon, client: OAuthClient): HostInstallation {
  const { webhooks: _webhooks, callbackUrl: _callbackUrl, ...record } = installed;
  return { ...record, oauthSecret: client.oauthSecret, groupId: client.groupId, capabilitiesUrl: host.urls.capabilitiesUrl, scopes: [...client.scopes] };
}
