import type { Authentication, Dialog, ExternalPage, WebPanel } from '../core/descriptor';
import { EmulatorError } from './emulator-error';
import { requireInstallation, requireRoom, requireUser, type Host, type InstalledAddon } from './host';
import { hostToken } from './host-token';
import { resolvedLoopbackUrl } from './loopback';
import type { OAuthClient } from './oauth-clients';
import { fillUriTemplate } from './uri-template';
import type { Room, User } from './world';

/** Who looks at an add-on's view, and where: the web UI's current user and room. */
export interface Viewing {
  oauthId: string;
  /** A user id, email or @mention. */
  user: number | string;
  /** A room id or name; left out only for a group installation's configuration page. */
  room?: number | string;
}

interface ViewRequest extends Viewing {
  /** The key of a webPanel, dialog or externalPage of the installation's descriptor. */
  key: string;
  /** Values for the URL's placeholders, from `dialog.open` or `sidebar.openView`. */
  urlTemplateValues?: Record<string, unknown>;
  /** The message an action was chosen on, for `{message.body}` and the like. */
  message?: Record<string, unknown>;
}

type ViewKind = 'webPanel' | 'dialog' | 'externalPage';

interface OpenedView {
  kind: ViewKind;
  key: string;
  /** The page's URL, placeholders filled and `signed_request` added. */
  url: string;
  /** The descriptor's entry: the name, title and options the UI shows around the page. */
  module: WebPanel | Dialog | ExternalPage;
}

/**
 * A page of an add-on as the web client opens it (docs/protocol.md#pages): the module found by key, its URL's
 * placeholders filled (docs/protocol.md#url-placeholders) and the host's token added for this user and room.
 * The host's own values win over `urlTemplateValues` of the same name.
 */
export async function openView(host: Host, request: ViewRequest): Promise<OpenedView> {
  const seen = viewerOf(host, request);
  const { kind, module } = findModule(seen.installed, request.key);
  const { room, user } = seen;
  const values = {
    ...request.urlTemplateValues,
    room_id: room?.id, user_id: user.id, group_id: host.world.group.id,
    room: room && { id: room.id, name: room.name }, user: { id: user.id, name: user.name, mention_name: user.mention_name },
    message: request.message,
  };
  const url = await signedUrl(host, seen, fillUriTemplate(module.url, values), 'authentication' in module ? module.authentication : undefined);
  return { kind, key: request.key, url, module };
}

/** A glance's queryUrl as the browser calls it: signed, with the client API version HipChat sent. */
export async function glanceQueryUrl(host: Host, request: Viewing & { key: string }): Promise<string> {
  const seen = viewerOf(host, request);
  const glance = seen.installed.descriptor.capabilities?.glance?.find((candidate) => candidate.key === request.key);
  if (!glance?.queryUrl) throw new EmulatorError('RESOURCE_NOT_FOUND', `${seen.installed.descriptor.key} has no glance "${request.key}" with a queryUrl`);
  const url = new URL(await signedUrl(host, seen, glance.queryUrl, 'jwt'));
  url.searchParams.set('connect_client_api_version', '1');
  return url.toString();
}

/**
 * The configuration page (`configurable`), which group admins may open, and room owners too when
 * the add-on allows room admins and is installed in their room.
 */
export async function configurationPageUrl(host: Host, request: Viewing): Promise<string> {
  const seen = viewerOf(host, request);
  const configurable = seen.installed.descriptor.capabilities?.configurable;
  if (!configurable) throw new EmulatorError('RESOURCE_NOT_FOUND', `${seen.installed.descriptor.key} has no configuration page`);
  const ownsRoom = seen.room !== undefined && seen.installed.roomId === seen.room.id && seen.room.owner === seen.user.id;
  if (!seen.user.is_group_admin && !(configurable.allowAccessToRoomAdmins === true && ownsRoom)) {
    throw new EmulatorError('ACCESS_FORBIDDEN', `${seen.user.name} may not configure ${seen.installed.descriptor.key}`);
  }
  return signedUrl(host, seen, configurable.url, configurable.authentication);
}

/** `HipChat.auth.withToken`: a fresh token for the view's installation, user and room. */
export function viewToken(host: Host, request: Viewing): string {
  const seen = viewerOf(host, request);
  return hostToken(host, seen.client, seen.user, seen.room);
}

interface Seen {
  installed: InstalledAddon;
  client: OAuthClient;
  user: User;
  room: Room | undefined;
}

/** The installation, user and room, each known, and the installation present in that room. */
function viewerOf(host: Host, request: Viewing): Seen {
  const { installed, client } = requireInstallation(host, request.oauthId);
  const user = requireUser(host, request.user);
  const room = request.room === undefined ? undefined : requireRoom(host, request.room);
  if (room && installed.roomId !== undefined && installed.roomId !== room.id) {
    throw new EmulatorError('ACCESS_FORBIDDEN', `${installed.descriptor.key} is installed in room ${installed.roomId} only`);
  }
  // A room installation's pages always see its room, even where the request named none.
  return { installed, client, user, room: room ?? (installed.roomId === undefined ? undefined : requireRoom(host, installed.roomId)) };
}

function findModule(installed: InstalledAddon, key: string): { kind: ViewKind; module: WebPanel | Dialog | ExternalPage } {
  const capabilities = installed.descriptor.capabilities ?? {};
  for (const kind of ['webPanel', 'dialog', 'externalPage'] as const) {
    const module = capabilities[kind]?.find((candidate) => candidate.key === key);
    if (module) return { kind, module };
  }
  throw new EmulatorError('RESOURCE_NOT_FOUND', `${installed.descriptor.key} has no webPanel, dialog or externalPage "${key}"`);
}

/**
 * Adds the host's token as `signed_request`, unless the module declares `authentication: none`. Tokens
 * go to loopback only, like everything else the emulator signs: any other URL is refused.
 */
async function signedUrl(host: Host, seen: Seen, url: string, authentication: Authentication | undefined): Promise<string> {
  const target = await resolvedLoopbackUrl(url, `the ${seen.installed.descriptor.key} page`);
  if (authentication !== 'none') target.searchParams.set('signed_request', hostToken(host, seen.client, seen.user, seen.room));
  return target.toString();
}
