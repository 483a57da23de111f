import { ConnectError } from '../../errors';
import { boundedFetch } from '../host/bounded-fetch';
import type { LifecycleContext } from './context';
import { install } from './install';
import { uninstall } from './uninstall';

export type RedirectKind = 'installed' | 'updated' | 'uninstalled';

const MAX_INSTALLABLE_BYTES = 16 * 1024;

/**
 * The browser redirect flows (docs/protocol.md#browser-redirect-flows): the host sends the admin's browser to
 * the add-on with `installable_url`; the add-on reads the installation's JSON from there once and installs or
 * uninstalls through the same checked steps as the server-side callbacks. Both URLs must be on an allowed
 * host: the first so the add-on is not made to fetch from anywhere, the second so that the add-on is not an
 * open redirect.
 */
export async function completeRedirect(context: LifecycleContext, kind: RedirectKind, query: Record<string, unknown>): Promise<string> {
  const installableUrl = allowedUrl(context, query.installable_url, 'installable_url');
  const redirectUrl = allowedUrl(context, query.redirect_url, 'redirect_url');
  const response = await boundedFetch(installableUrl, {
    fetch: context.fetch,
    headers: { accept: 'application/json' },
    timeoutMs: context.hostTimeoutMs,
    maxBytes: MAX_INSTALLABLE_BYTES,
    failure: 'HOST_UNREACHABLE',
  });
  if (response.status !== 200) throw new ConnectError('HOST_UNREACHABLE', `installable_url answered ${response.status}`);
  const payload = parseJson(response.text);
  if (kind === 'uninstalled') {
    const oauthId = (payload as { oauthId?: unknown } | null)?.oauthId;
    if (typeof oauthId !== 'string') throw new ConnectError('PAYLOAD_INVALID', 'installable_url answered without an oauthId');
    await uninstall(context, oauthId);
  } else {
    await install(context, payload);
  }
  return redirectUrl;
}

function allowedUrl(context: LifecycleContext, value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new ConnectError('PAYLOAD_INVALID', `${name} is missing`);
  if (!context.allowedHosts.allows(value)) throw new ConnectError('HOST_NOT_ALLOWED', `${name} is not on an allowed HipChat host`);
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ConnectError('PAYLOAD_INVALID', 'installable_url did not answer JSON', { cause });
  }
}
