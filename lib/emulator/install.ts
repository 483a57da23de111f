import type { Descriptor } from '../core/descriptor';
import type { InstallPayload } from '../core/install/install';
import { ConnectError, ERROR_CODES, type ErrorCode } from '../errors';
import { callbackFor, declaredScopes, fetchDescriptor } from './descriptor';
import { describeInstallation, forgetInstallation, requireInstallation, requireRoom, type Host, type HostInstallation, type InstalledAddon } from './host';
import type { InstallRecord } from './log';
import type { OAuthClient } from './oauth-clients';
import { callAddon, isSuccess } from './outbound';

export interface InstallRequest {
  descriptorUrl: string;
  /** A room install when given, a group (global) install otherwise. */
  roomId?: number;
}

/**
 * The host side of installation (docs/protocol.md#installation): fetch and check the descriptor, create the
 * installation's OAuth client, and POST the credentials to the add-on. HipChat created the client before it
 * called back, so the installation is live from that moment: the add-on may prove its credentials, post an
 * "installed" notice under its own name or push a glance while it handles the callback. If the add-on then
 * refuses, the installation and everything it made meanwhile (tokens, room webhooks, glances) are removed
 * again, so nothing half-installed remains.
 */
export async function installAddon(host: Host, request: InstallRequest): Promise<HostInstallation> {
  const room = request.roomId === undefined ? undefined : requireRoom(host, request.roomId);
  const descriptor = await fetchDescriptor(request.descriptorUrl, host.logger);
  const callbackUrl = callbackFor(descriptor, room !== undefined);
  const client = host.clients.create({ groupId: host.world.group.id, roomId: room?.id, scopes: declaredScopes(descriptor) });
  const installed: InstalledAddon = {
    oauthId: client.oauthId, descriptorUrl: request.descriptorUrl, descriptor, callbackUrl, roomId: room?.id,
    webhooks: numberWebhooks(host, descriptor), installedAt: new Date(host.clock()).toISOString(),
  };
  // Live for the host's REST API at once; the web UI lists it only once the add-on has accepted.
  host.installations.set(installed.oauthId, installed);
  try {
    await deliverCallback(host, callbackUrl, client, { kind: 'install', descriptorUrl: request.descriptorUrl });
  } catch (error) {
    forgetInstallation(host, client.oauthId);
    throw error;
  }
  host.feed.publish({ type: 'installations' });
  host.logger.info({ oauthId: client.oauthId, key: descriptor.key, roomId: room?.id }, 'emulator: add-on installed');
  return describeInstallation(host, installed, client);
}

export interface UpdateRequest {
  /**
   * Where the descriptor lives now, when it moved (a development tunnel that came back under another
   * URL). HipChat had no such call; the emulator offers it so an installation can follow its add-on
   * instead of being left calling a dead URL. Default: the URL it was installed from.
   */
  descriptorUrl?: string;
}

/**
 * A re-install (protocol 4 step 4): the descriptor is fetched again and the same body goes to
 * `updateCallbackUrl`, or to `callbackUrl` when none is declared. The new scopes apply during the
 * callback, so the add-on can prove them, and are put back if the add-on refuses the update.
 */
export async function updateAddon(host: Host, oauthId: string, request: UpdateRequest = {}): Promise<HostInstallation> {
  const { installed, client } = requireInstallation(host, oauthId);
  const descriptorUrl = request.descriptorUrl ?? installed.descriptorUrl;
  const descriptor = await fetchDescriptor(descriptorUrl, host.logger);
  const callbackUrl = callbackFor(descriptor, installed.roomId !== undefined);
  const previousScopes = client.scopes;
  client.scopes = declaredScopes(descriptor);
  try {
    const updateUrl = descriptor.capabilities?.installable?.updateCallbackUrl ?? callbackUrl;
    await deliverCallback(host, updateUrl, client, { kind: 'update', descriptorUrl });
  } catch (error) {
    client.scopes = previousScopes;
    throw error;
  }
  const updatedAt = new Date(host.clock()).toISOString();
  Object.assign(installed, { descriptorUrl, descriptor, callbackUrl, webhooks: numberWebhooks(host, descriptor), updatedAt });
  host.feed.publish({ type: 'installations' });
  return describeInstallation(host, installed, client);
}

async function deliverCallback(host: Host, url: string, client: OAuthClient, record: Pick<InstallRecord, 'kind' | 'descriptorUrl'>): Promise<void> {
  const { oauthId, oauthSecret, groupId, roomId } = client;
  // JSON drops an undefined roomId, so a group install's body carries no roomId at all.
  const body: InstallPayload = { capabilitiesUrl: host.urls.capabilitiesUrl, oauthId, oauthSecret, groupId, roomId };
  const entry: InstallRecord = { ...record, oauthId, roomId, accepted: false };
  host.log.installs.push(entry);
  const answer = await callAddon(url, { what: 'installable callback', method: 'POST', json: body });
  entry.status = answer.status;
  entry.accepted = isSuccess(answer);
  if (!entry.accepted) throw refusal(record.kind, url, answer);
}

export function numberWebhooks(host: Host, descriptor: Descriptor): InstalledAddon['webhooks'] {
  return (descriptor.capabilities?.webhook ?? []).map((declaration) => ({ ...declaration, id: host.nextWebhookId() }));
}

/** Enough of the add-on's answer to say why it refused, without flooding a log line. */
function preview(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * The add-on's refusal as the installer sees it. A coded 4xx from this toolkit (HOST_NOT_ALLOWED, say)
 * is passed on with its code and its own sentence, so the person installing reads why and how to fix
 * it; anything else is the add-on failing, with what it answered.
 */
function refusal(kind: string, url: string, answer: { status: number; body: unknown }): ConnectError {
  const coded = (answer.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = coded?.code as ErrorCode;
  if (answer.status >= 400 && answer.status < 500 && ERROR_CODES.includes(code) && typeof coded?.message === 'string') {
    return new ConnectError(code, `The add-on refused the ${kind}. ${coded.message}.`, { details: { url, status: answer.status, code } });
  }
  return new ConnectError('LIFECYCLE_HANDLER_FAILED', `The add-on refused the ${kind}: ${url} answered ${answer.status} ${preview(answer.body)}`, {
    details: { url, status: answer.status, body: answer.body },
  });
}
