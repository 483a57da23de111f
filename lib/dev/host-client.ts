import type { Descriptor } from '../core/descriptor';
import { ConnectError } from '../errors';
import type { RoomRef } from './rooms';

/** An installation as the emulator lists it (its secret stays with the add-on). */
export interface ListedInstallation {
  oauthId: string;
  roomId?: number;
  descriptorUrl: string;
  descriptor: Descriptor;
}

/**
 * The emulator as dev drives it: over its HTTP routes under `/emulator/`, whether dev started it in
 * its own process or `--host` names one already running, so both take the same path.
 */
export interface HostClient {
  readonly url: string;
  rooms(): Promise<RoomRef[]>;
  installations(): Promise<ListedInstallation[]>;
  install(descriptorUrl: string, roomId: number): Promise<ListedInstallation>;
  /** The update flow; `descriptorUrl` when the descriptor moved. */
  update(oauthId: string, descriptorUrl?: string): Promise<ListedInstallation>;
  /** Resolves to the status the add-on answered the uninstall DELETE with. */
  uninstall(oauthId: string): Promise<number>;
}

export function hostClient(url: string): HostClient {
  const base = url.replace(/\/+$/, '');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (cause) {
      throw new ConnectError('HOST_UNREACHABLE', `The emulator at ${base} does not answer (${describe(cause)}): is it running?`, { cause, details: { url: base } });
    }
    const answer = await response.json().catch(() => undefined) as { error?: { message?: string } } | undefined;
    if (response.ok) return answer as T;
    const message = answer?.error?.message ?? `${method} ${path} answered ${response.status}`;
    const gone = response.status === 404 && path.startsWith('/emulator/installations/');
    throw new ConnectError(gone ? 'INSTALLATION_NOT_FOUND' : 'HOST_UNREACHABLE', message, { details: { url: `${base}${path}`, status: response.status } });
  };
  const installationPath = (oauthId: string) => `/emulator/installations/${encodeURIComponent(oauthId)}`;
  return {
    url: base,
    rooms: async () => (await call<{ rooms: RoomRef[] }>('GET', '/emulator/world')).rooms,
    installations: async () => (await call<{ items: ListedInstallation[] }>('GET', '/emulator/installations')).items,
    install: (descriptorUrl, roomId) => call('POST', '/emulator/installations', { url: descriptorUrl, roomId }),
    update: (oauthId, descriptorUrl) => call('POST', `${installationPath(oauthId)}/update`, descriptorUrl === undefined ? {} : { url: descriptorUrl }),
    uninstall: async (oauthId) => (await call<{ addon: { status: number } }>('DELETE', installationPath(oauthId))).addon.status,
  };
}

function describe(cause: unknown): string {
  const reason = (cause as { cause?: { code?: string } }).cause?.code;
  return reason ?? (cause instanceof Error ? cause.message : String(cause));
}
