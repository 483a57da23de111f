import { randomBytes } from 'node:crypto';
import type { Descriptor } from '../core/descriptor';
import type { InstallPayload } from '../core/install/install';
import { ConnectError } from '../errors';
import { callbackFor, declaredScopes, fetchDescriptor } from './descriptor';
import { forgetInstallation, keepInstallation, requireInstallation, requireRoom, type Host, type InstalledAddon } from './host';
import { numberWebhooks, type InstallRequest } from './install';
import type { InstallRecord, UninstallRecord } from './log';
import { resolvedLoopbackUrl } from './loopback';
import type { OAuthClient } from './oauth-clients';

/** Where the add-on reads an installation's JSON (`installable_url`) and where it sends the browser back. */
export const INSTALLABLE_PATH = '/emulator/installable';
export const DONE_PATH = '/emulator/done';

/** The add-on's answer to the browser, as the admin's browser would have received it. */
export interface RedirectAnswer {
  oauthId: string;
  status: number;
  /** Where the add-on sent the browser; undefined when it answered without redirecting. */
  location: string | undefined;
  /** JSON when the add-on answered JSON (its error body on a refusal), the text otherwise. */
  body: unknown;
}

/**
 * One-time tickets behind `installable_url`. The URL carries the installation's secret, and it travels
 * through a browser (history, referrers, logs), so it serves its JSON once and is dropped when the flow
 * ends even if the add-on never read it.
 */
export class InstallableTickets {
  private readonly bodies = new Map<string, InstallPayload>();

  issue(body: InstallPayload): string {
    const ticket = randomBytes(24).toString('base64url');
    this.bodies.set(ticket, body);
    return ticket;
  }

  /** The body the first time; undefined for an unknown or already read ticket. */
  take(ticket: string): InstallPayload | undefined {
    const body = this.bodies.get(ticket);
    this.bodies.delete(ticket);
    return body;
  }
}

const BROWSER_TIMEOUT_MS = 10_000;

/**
 * The browser redirect flow (docs/protocol.md#browser-redirect-flows) for an install: the host creates the
 * OAuth client as for the server-side flow, then sends the admin's browser to the add-on's `installedUrl`.
 * Anything but a redirect is the add-on refusing, and the client is removed again, as a refused server-side
 * install is.
 */
export async function redirectInstall(host: Host, tickets: InstallableTickets, request: InstallRequest): Promise<RedirectAnswer> {
  const room = request.roomId === undefined ? undefined : requireRoom(host, request.roomId);
  const descriptor = await fetchDescriptor(request.descriptorUrl, host.logger);
  // Checks the target is allowed, and is where a later server-side uninstall would send its DELETE.
  const callbackUrl = callbackFor(descriptor, room !== undefined);
  const installedUrl = declaredRedirect(descriptor, 'installedUrl');
  const client = host.clients.create({ groupId: host.world.group.id, roomId: room?.id, scopes: declaredScopes(descriptor) });
  const record: InstallRecord = { kind: 'install', oauthId: client.oauthId, descriptorUrl: request.descriptorUrl, roomId: room?.id, accepted: false };
  host.log.installs.push(record);

  const answer = await sendBrowser(host, tickets, installedUrl, client).catch((error: unknown) => {
    removeClient(host, client.oauthId);
    throw error;
  });
  Object.assign(record, { status: answer.status, accepted: isRedirect(answer) });
  if (!record.accepted) {
    removeClient(host, client.oauthId);
    return answer;
  }
  const installed: InstalledAddon = {
    oauthId: client.oauthId, descriptorUrl: request.descriptorUrl, descriptor, callbackUrl, roomId: room?.id,
    // Numbered as install.ts numbers them, so webhooks sent later carry a webhook_id.
    webhooks: numberWebhooks(host, descriptor),
    installedAt: new Date(host.clock()).toISOString(),
  };
  keepInstallation(host, installed);
  return answer;
}

/**
 * The uninstall redirect: as in uninstall.ts the client goes first, so an add-on that checks with the
 * host is told 401 and purges; the host forgets the installation whatever the add-on answers.
 */
export async function redirectUninstall(host: Host, tickets: InstallableTickets, oauthId: string): Promise<RedirectAnswer> {
  const { installed, client } = requireInstallation(host, oauthId);
  const uninstalledUrl = declaredRedirect(installed.descriptor, 'uninstalledUrl');
  forgetInstallation(host, oauthId);
  const record: UninstallRecord = { oauthId };
  host.log.uninstalls.push(record);
  const answer = await sendBrowser(host, tickets, uninstalledUrl, client);
  Object.assign(record, { status: answer.status, body: answer.body });
  return answer;
}

function declaredRedirect(descriptor: Descriptor, member: 'installedUrl' | 'uninstalledUrl'): string {
  const url = descriptor.capabilities?.installable?.[member];
  if (url === undefined) {
    throw new ConnectError('ROUTE_NOT_FOUND', `${descriptor.key} declares no capabilities.installable.${member}, so it has no redirect flow`);
  }
  return url;
}

function removeClient(host: Host, oauthId: string): void {
  host.clients.remove(oauthId);
  host.tokens.revokeClient(oauthId);
}

/**
 * The browser's GET of the add-on's redirect URL. The redirect is not followed: the caller wants to see
 * where the add-on sent the browser, and boundedFetch (via callAddon) would refuse a cross-origin one.
 */
async function sendBrowser(host: Host, tickets: InstallableTickets, addonUrl: string, client: OAuthClient): Promise<RedirectAnswer> {
  const target = await resolvedLoopbackUrl(addonUrl, 'installable redirect URL');
  // The same JSON as the install callback body (docs/protocol.md#install-callback); JSON drops an undefined
  // roomId.
  const ticket = tickets.issue({ capabilitiesUrl: host.urls.capabilitiesUrl, oauthId: client.oauthId, oauthSecret: client.oauthSecret, groupId: client.groupId, roomId: client.roomId });
  target.searchParams.set('installable_url', `${host.urls.url}${INSTALLABLE_PATH}/${ticket}`);
  target.searchParams.set('redirect_url', `${host.urls.url}${DONE_PATH}`);
  try {
    const response = await fetch(target, { redirect: 'manual', headers: { accept: 'text/html' }, signal: AbortSignal.timeout(BROWSER_TIMEOUT_MS) });
    const body = answerBody(await response.text(), response.headers.get('content-type'));
    return { oauthId: client.oauthId, status: response.status, location: response.headers.get('location') ?? undefined, body };
  } catch (cause) {
    throw new ConnectError('HOST_UNREACHABLE', `installable redirect URL ${addonUrl} could not be reached`, { cause, details: { url: addonUrl } });
  } finally {
    tickets.take(ticket);
  }
}

function answerBody(text: string, contentType: string | null): unknown {
  if (!/\bjson\b/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isRedirect(answer: RedirectAnswer): boolean {
  return answer.status >= 300 && answer.status < 400 && answer.location !== undefined;
}
