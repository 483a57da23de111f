import { ConnectError, isConnectError } from '../../errors';
import { requestToken } from '../host/oauth';
import type { Installation } from '../installation';
import { describeProblems, problemsWith } from '../schemas';
import { fetchHostEndpoints } from './capabilities';
import { hostRefusal } from './host-allowlist';
import type { LifecycleContext } from './context';

/** The install callback body (docs/protocol.md#install-callback), as `schemas/installation` describes it. */
export interface InstallPayload {
  capabilitiesUrl: string;
  oauthId: string;
  oauthSecret: string;
  groupId: number;
  roomId?: number;
}

export interface InstallRequest {
  /** A JWT from the request, the only way to take over an oauthId stored with another secret. */
  proofToken?: string | undefined;
  /**
   * Gives the host its answer once the install is complete, and says whether it was sent. When it was
   * not (the host gave up waiting, the add-on is shutting down), the host has given up on the install
   * (and has deleted the OAuth client), so the record is rolled back: no installation is left that the
   * host does not know of, and that no uninstall would ever remove.
   */
  answer?(installation: Installation): Promise<boolean>;
}

/**
 * Install and update (docs/protocol.md#install-checks, docs/protocol.md#re-install-and-update). The cheap
 * refusals come first and make no request at all; the host is asked only about a payload that could be
 * accepted. The answer is given only once the store has acknowledged the write and the author's listeners
 * have run. The write is conditional on the record read at the start, so of concurrent installs of one
 * oauthId exactly one wins.
 */
export async function install(context: LifecycleContext, body: unknown, request: InstallRequest = {}): Promise<Installation> {
  const payload = parsePayload(body);
  if (!context.allowedHosts.allows(payload.capabilitiesUrl)) {
    const refusal = hostRefusal(payload.capabilitiesUrl);
    context.logger.warn({ capabilitiesUrl: payload.capabilitiesUrl, allowedHosts: context.allowedHosts.entries }, refusal);
    throw new ConnectError('HOST_NOT_ALLOWED', refusal, { details: { capabilitiesUrl: payload.capabilitiesUrl } });
  }
  checkTarget(context, payload);
  const previous = await context.store.fetchInstallation(payload.oauthId);
  if (previous && previous.oauthSecret !== payload.oauthSecret && !(await provesOldSecret(context, payload.oauthId, request))) {
    context.logger.warn({ oauthId: payload.oauthId }, 're-install refused: this oauthId is stored with another secret');
    throw new ConnectError('OAUTH_ID_CONFLICT', 'This oauthId is installed with another secret');
  }

  const endpoints = await fetchHostEndpoints(payload.capabilitiesUrl, {
    fetch: context.fetch, timeoutMs: context.hostTimeoutMs, capabilitiesBytes: context.capabilitiesBytes,
  });
  const outcome = await requestToken({ ...payload, tokenUrl: endpoints.tokenUrl }, context.scopes, { fetch: context.fetch, timeoutMs: context.hostTimeoutMs });
  if (outcome.kind === 'rejected') throw new ConnectError('CREDENTIALS_REJECTED', `The host refused these credentials (${outcome.status})`);
  if (outcome.token.group_id !== payload.groupId) throw new ConnectError('CREDENTIALS_REJECTED', 'The token belongs to another group');

  const now = new Date(context.now()).toISOString();
  const installation: Installation = {
    oauthId: payload.oauthId,
    oauthSecret: payload.oauthSecret,
    groupId: payload.groupId,
    ...(outcome.token.group_name === undefined ? {} : { groupName: outcome.token.group_name }),
    ...(payload.roomId === undefined ? {} : { roomId: payload.roomId }),
    capabilitiesUrl: payload.capabilitiesUrl,
    tokenUrl: endpoints.tokenUrl,
    apiUrl: endpoints.apiUrl,
    installedAt: previous?.installedAt ?? now,
    ...(previous ? { updatedAt: now } : {}),
  };
  await save(context, installation, previous);
  if (request.answer && !(await request.answer(installation))) {
    await rollBack(context, installation, previous);
    context.logger.warn({ oauthId: installation.oauthId }, 'the host did not receive the install answer; install rolled back');
    throw new ConnectError('HOST_UNREACHABLE', 'The install answer could not be sent; the install was rolled back');
  }
  context.logger.info({ oauthId: installation.oauthId, groupId: installation.groupId, roomId: installation.roomId }, previous ? 'installation updated' : 'installed');
  return installation;
}

function parsePayload(body: unknown): InstallPayload {
  const problems = problemsWith('installation', body);
  if (problems.length > 0) {
    throw new ConnectError('PAYLOAD_INVALID', `Install payload is invalid: ${describeProblems(problems)}`, { details: { problems } });
  }
  return body as InstallPayload;
}

function checkTarget(context: LifecycleContext, payload: InstallPayload): void {
  const room = payload.roomId !== undefined;
  if (room ? !context.allowRoom : !context.allowGlobal) {
    throw new ConnectError('INSTALL_TARGET_NOT_ALLOWED', `This add-on cannot be installed ${room ? 'in a room' : 'globally'}`);
  }
}

async function provesOldSecret(context: LifecycleContext, oauthId: string, request: InstallRequest): Promise<boolean> {
  return request.proofToken !== undefined && context.provesSecret(request.proofToken, oauthId);
}

/** Stores, then runs the author's listeners; if one throws, the store goes back to what it was. */
async function save(context: LifecycleContext, installation: Installation, previous: Installation | undefined): Promise<void> {
  // `false` only: a store written before conditions existed resolves undefined, and wrote.
  if ((await context.store.storeInstallation(installation, { ifSecret: previous?.oauthSecret ?? null })) === false) {
    context.logger.warn({ oauthId: installation.oauthId }, 'install refused: this oauthId changed while the install ran');
    throw new ConnectError('OAUTH_ID_CONFLICT', 'This oauthId was installed or changed while this install ran');
  }
  context.cache.forget(installation.oauthId);
  try {
    if (previous) await context.events.emit('updated', { installation, previous });
    else await context.events.emit('installed', { installation });
  } catch (cause) {
    await rollBack(context, installation, previous);
    if (isConnectError(cause, 'STORE_UNAVAILABLE')) throw cause;
    context.logger.error({ err: cause, oauthId: installation.oauthId }, 'installation listener failed; install rolled back');
    throw new ConnectError('LIFECYCLE_HANDLER_FAILED', 'The add-on could not complete the installation', { cause });
  }
}

/** Puts back what was there, unless the record has been changed since by someone else (another secret). */
async function rollBack(context: LifecycleContext, installation: Installation, previous: Installation | undefined): Promise<void> {
  const ours = { ifSecret: installation.oauthSecret };
  if (previous) await context.store.storeInstallation(previous, ours);
  else await context.store.deleteInstallation(installation.oauthId, ours);
  context.cache.forget(installation.oauthId);
}
