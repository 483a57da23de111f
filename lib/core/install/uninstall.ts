import { ConnectError } from '../../errors';
import { requestToken } from '../host/oauth';
import type { Installation } from '../installation';
import type { LifecycleContext } from './context';

/**
 * Verified uninstall (docs/protocol.md#verified-uninstall, and its decision). HipChat does not sign the
 * DELETE, so the add-on asks the host itself: while the host still issues tokens for the stored credentials
 * the installation is alive and the DELETE is refused; once the host refuses them, everything the
 * installation owns is purged. A host that cannot be reached proves nothing, so nothing is deleted.
 */
export async function uninstall(context: LifecycleContext, oauthId: string): Promise<Installation> {
  const installation = await context.store.fetchInstallation(oauthId);
  if (!installation) throw new ConnectError('INSTALLATION_NOT_FOUND', 'No installation with this oauthId');

  const outcome = await requestToken(installation, context.scopes, { fetch: context.fetch, timeoutMs: context.hostTimeoutMs });
  if (outcome.kind === 'issued') {
    context.logger.warn({ oauthId }, 'uninstall refused: the host still issues tokens for this installation');
    throw new ConnectError('UNINSTALL_REFUSED', 'The host still recognises this installation');
  }

  await context.store.deleteInstallation(oauthId);
  context.cache.forget(oauthId);
  try {
    await context.events.emit('uninstalled', { installation });
  } catch (cause) {
    // The host has already removed the client: there is nothing to roll back to, only to report.
    context.logger.error({ err: cause, oauthId }, 'uninstalled listener failed');
  }
  context.logger.info({ oauthId, groupId: installation.groupId, roomId: installation.roomId }, 'uninstalled');
  return installation;
}
