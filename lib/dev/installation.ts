import type { Descriptor } from '../core/descriptor';
import { isConnectError } from '../errors';
import { descriptorChanges } from './descriptor-changes';
import type { HostClient, ListedInstallation } from './host-client';
import type { RoomRef } from './rooms';
import { clearState, readState, writeState } from './state';

interface KeeperOptions {
  host: HostClient;
  room: RoomRef;
  /** The descriptor's URL as the host reaches it: the tunnel's when there is one. */
  descriptorUrl: string;
  projectDir: string;
}

/**
 * Keeps one installation of the add-on in the host across restarts: installs it the first time (or
 * takes up the one an earlier run kept), and after a restart asks the host for the update flow only
 * when the descriptor changed, so the oauthId, and the add-on's stored credentials, stay the same.
 */
export class InstallationKeeper {
  #current: ListedInstallation | undefined;

  constructor(private readonly options: KeeperOptions) {}

  get oauthId(): string | undefined {
    return this.#current?.oauthId;
  }

  /** Brings the host's installation in line with the descriptor just served; says what it did, if anything. */
  async sync(descriptor: Descriptor): Promise<string | undefined> {
    if (this.#current === undefined) return this.#first(descriptor);
    const { oauthId } = this.#current;
    // The host's own view, not dev's memory of it: someone may have uninstalled it in the web UI.
    const listed = (await this.options.host.installations()).find((installation) => installation.oauthId === oauthId);
    if (listed === undefined) return this.#reinstall();
    const changes = descriptorChanges(listed.descriptor, descriptor);
    if (changes.length === 0) return undefined;
    try {
      this.#current = await this.options.host.update(oauthId);
    } catch (error) {
      if (!isConnectError(error, 'INSTALLATION_NOT_FOUND')) throw error;
      return this.#reinstall();
    }
    return `The descriptor changed (${changes.join(', ')}); the host updated the installation (same oauthId).`;
  }

  /** Uninstalls; resolves to the add-on's answer to the DELETE, or undefined when nothing was installed. */
  async remove(): Promise<number | undefined> {
    const current = this.#current;
    if (current === undefined) return undefined;
    this.#current = undefined;
    clearState(this.options.projectDir);
    return this.options.host.uninstall(current.oauthId);
  }

  async #first(descriptor: Descriptor): Promise<string> {
    const { host, room, descriptorUrl, projectDir } = this.options;
    const saved = readState(projectDir);
    const kept = saved?.hostUrl === host.url && saved.roomId === room.id
      ? (await host.installations()).find((installation) => installation.oauthId === saved.oauthId)
      : undefined;
    if (kept === undefined) {
      await this.#install();
      return `Installed into room "${room.name}" of ${host.url} (oauthId ${this.oauthId})`;
    }
    const moved = kept.descriptorUrl !== descriptorUrl;
    const changed = descriptorChanges(kept.descriptor, descriptor).length > 0;
    this.#current = moved || changed ? await host.update(kept.oauthId, moved ? descriptorUrl : undefined) : kept;
    this.#save();
    if (moved) return `The add-on's URL changed since the last run (${kept.descriptorUrl} → ${descriptorUrl}); the host updated the installation to follow it (oauthId ${kept.oauthId})`;
    return `Took up the installation the last run kept in room "${room.name}" (oauthId ${kept.oauthId})`;
  }

  async #reinstall(): Promise<string> {
    await this.#install();
    return `The installation was gone from the host (uninstalled in the web UI?), so dev installed the add-on again (oauthId ${this.oauthId}).`;
  }

  async #install(): Promise<void> {
    this.#current = await this.options.host.install(this.options.descriptorUrl, this.options.room.id);
    this.#save();
  }

  #save(): void {
    const { host, room, descriptorUrl, projectDir } = this.options;
    writeState(projectDir, { hostUrl: host.url, oauthId: this.oauthId, roomId: room.id, descriptorUrl });
  }
}

/**
 * With no host to install into (a public tunnel for HipChat Server), dev can only offer the descriptor
 * URL. When it differs from the one offered last time, a server that installed from there is now
 * calling a dead URL, and only its admin can change that: say so, with the way to avoid it.
 */
export function rememberOfferedUrl(projectDir: string, descriptorUrl: string, warn: (line: string) => void): void {
  const saved = readState(projectDir);
  if (saved !== undefined && saved.hostUrl === undefined && saved.descriptorUrl !== descriptorUrl) {
    warn(`The tunnel's URL changed since the last run (it was ${saved.descriptorUrl}): a HipChat Server that installed the add-on from there still calls the old one. Install it again from ${descriptorUrl}, or keep one URL from run to run with a reserved ngrok domain (NGROK_DOMAIN).`);
  }
  writeState(projectDir, { descriptorUrl });
}
