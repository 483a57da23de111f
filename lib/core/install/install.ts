import { ConnectError, isConnectError } from '../../errors';
import { requestToken } from '../../hipchat/oauth';
import type { Installation } from '../installation';
import { describeProblems, problemsWith } from '../schemas';
import { fetchHostEndpoints } from './capabilities';
import { hostRefusal } from './host-allowlist';
import type { LifecycleContext } from './context';

/** The install callback body (protocol section 4, step 2), as `schemas/installation` describes it. */
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
}

/**
 * Install and update (protocol section 4, steps 3 and 4). The cheap refusals come first and make no
 * request at all; the host is asked only about a payload that could be accepted. The answer is given
 * only once the store has acknowledged the write and the author's listeners have run.
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
    fetch: context.fetch, timeoutMs: context.hostTimeoutMs, maxBytes: context.capabilitiesMaxBytes,
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
  await context.store.storeInstallation(installation);
  context.cache.forget(installation.oauthId);
  try {
    if (previous) await context.events.emit('updated', { installation, previous });
    else await context.events.emit('installed', { installation });
  } catch (cause) {
    await rollBack(context, installation.oauthId, previous);
    if (isConnectError(cause, 'STORE_UNAVAILABLE')) throw cause;
    context.logger.error({ err: cause, oauthId: installation.oauthId }, 'installation listener failed; install rolled back');
    throw new ConnectError('LIFECYCLE_HANDLER_FAILED', 'The add-on could not complete the installation', { cause });
  }
}

async function rollBack(context: LifecycleContext, oauthId: string, previous: Installation | undefined): Promise<void> {
  if (previous) await context.store.storeInstallation(previous);
  else await context.store.deleteInstallation(oauthId);
  context.cache.forget(oauthId);
}
