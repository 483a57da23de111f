import { ConnectError } from '../errors';
import { forgetInstallation, requireInstallation, type Host } from './host';
import type { UninstallRecord } from './log';
import { randomSecret } from './oauth-clients';
import { callAddon, type AddonAnswer } from './outbound';

/**
 * The host side of protocol 4 step 5. The OAuth client and its tokens go first, then HipChat sends
 * `DELETE {callbackUrl}/{oauthId}`: an add-on that checks the DELETE by asking for a token must already
 * be told 401, or it would rightly refuse to forget the installation. The host forgets it either way;
 * the add-on's answer is reported, not obeyed.
 */
export async function uninstallAddon(host: Host, oauthId: string): Promise<AddonAnswer> {
  const { installed } = requireInstallation(host, oauthId);
  forgetInstallation(host, oauthId);
  host.logger.info({ oauthId }, 'emulator: add-on uninstalled');

  const url = uninstallUrl(installed.callbackUrl, oauthId);
  const record: UninstallRecord = { oauthId };
  host.log.uninstalls.push(record);
  try {
    const answer = await callAddon(url, { what: 'uninstall callback', method: 'DELETE' });
    Object.assign(record, { status: answer.status, body: answer.body });
    return answer;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ConnectError('HOST_UNREACHABLE', `Installation ${oauthId} was removed, but the add-on could not be told: ${reason}`, { cause, details: { oauthId, url } });
  }
}

/** `{callbackUrl}/{oauthId}`, keeping any query the callback URL has. */
function uninstallUrl(callbackUrl: string, oauthId: string): string {
  const url = new URL(callbackUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/${encodeURIComponent(oauthId)}`;
  return url.toString();
}

/** A new secret for the installation's client, as if HipChat had re-created it (the re-install hijack case). */
export function rotateSecret(host: Host, oauthId: string): string {
  const { client } = requireInstallation(host, oauthId);
  client.oauthSecret = randomSecret();
  return client.oauthSecret;
}
