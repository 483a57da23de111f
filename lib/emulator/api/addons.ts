import type { Router } from 'express';
import { EmulatorError } from '../emulator-error';
import type { Host, InstalledAddon } from '../host';
import { bodyOf, isHttpUrl, required } from '../http/fields';
import { installAddon } from '../install';
import { uninstallAddon } from '../uninstall';
import { access, callerIn, type Caller } from './auth';
import { hostRouter } from '../http/router';

/**
 * Installing and uninstalling add-ons through the REST API, as the OpenAPI document describes them:
 * `POST /addon {url}` installs into the group (201, the new installable in `Location`), and
 * `DELETE /addon/{key}/installable/{oauthId}` removes an installation (204) and tells the add-on in the
 * background. Both are an administrator's calls: a group install needs `admin_group`, and so does
 * removing a group installation; a room installation may also go with `admin_room` on its room.
 */
export function addonRoutes(host: Host): Router {
  const router = hostRouter();

  router.post('/addon', access(host, { scope: 'admin_group', groupWide: true }), async (req, res) => {
    assertAdministrator(callerIn(res));
    const descriptorUrl = required(bodyOf(req).url, 'url', isHttpUrl, 'the absolute http(s) URL of the add-on\'s descriptor');
    const installed = await installAddon(host, { descriptorUrl });
    res.location(installableUrl(host, installed.descriptor.key, installed.oauthId)).status(201).end();
  });

  router.delete('/addon/:addon/installable/:installable', access(host, { scope: ['admin_group', 'admin_room'] }), (req, res) => {
    const caller = callerIn(res);
    assertAdministrator(caller);
    const installed = host.installations.get(String(req.params.installable));
    if (!installed || !names(installed, String(req.params.addon))) {
      throw new EmulatorError('RESOURCE_NOT_FOUND', `Add-on ${String(req.params.addon)} has no installable ${String(req.params.installable)}`);
    }
    assertMayRemove(caller, installed);
    host.pending.start(`uninstall ${installed.oauthId} through the REST API`, () => uninstallAddon(host, installed.oauthId));
    res.status(204).end();
  });

  return router;
}

function installableUrl(host: Host, key: string, oauthId: string): string {
  return `${host.urls.apiUrl}/addon/${encodeURIComponent(key)}/installable/${encodeURIComponent(oauthId)}`;
}

/** `{addon_key_or_id}`: the add-on's key; the emulator gives add-ons no other id. */
function names(installed: InstalledAddon, keyOrId: string): boolean {
  return installed.descriptor.key === keyOrId;
}

/** A personal token acts as its user, and only a group admin may install or remove add-ons. */
function assertAdministrator(caller: Caller): void {
  if (caller.user && !caller.user.is_group_admin) {
    throw new EmulatorError('ACCESS_FORBIDDEN', `${caller.user.name} is not a group admin`);
  }
}

/** A group installation needs admin_group on a token for the whole group; a room one, either scope for its room. */
function assertMayRemove(caller: Caller, installed: InstalledAddon): void {
  const { grant } = caller;
  const bound = grant.kind === 'personal' ? undefined : grant.roomId;
  const groupAdmin = grant.scopes.includes('admin_group') && bound === undefined;
  if (groupAdmin) return;
  if (installed.roomId === undefined) throw new EmulatorError('ACCESS_FORBIDDEN', 'Removing a group installation needs admin_group for the whole group');
  if (bound !== undefined && bound !== installed.roomId) throw new EmulatorError('ACCESS_FORBIDDEN', `This token may only reach room ${bound}`);
}
