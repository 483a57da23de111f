import type { Installation } from '../core/installation';
import { ConnectError } from '../errors';
import { answerError } from './api-errors';
import { readTokenAnswer, tokenRequest, type AccessToken } from '../core/host/oauth';
import type { Transport } from './transport';
import type { FetchToken } from './token-manager';

/**
 * Token requests through the REST client's transport, so they get its time-out, retries and rate-limit
 * waits (asking again for a token does no harm, so the request counts as idempotent). The host's
 * refusals become coded errors: 401 (or `invalid_client`) means the installation's OAuth client no
 * longer exists, i.e. the add-on was uninstalled; any other refusal names the OAuth error.
 */
export function tokenFetcher(transport: Transport, now: () => number): FetchToken {
  return async (installation: Installation, scopes: readonly string[]): Promise<AccessToken> => {
    const request = tokenRequest(installation, scopes);
    const { answer, attempts } = await transport.send(request, true);
    if (answer.status === 429 || answer.status >= 500) throw answerError(answer, { method: request.method, url: request.url, attempts }, now());
    const outcome = readTokenAnswer(answer.status, answer.text, 'HIPCHAT_API_ERROR');
    if (outcome.kind === 'issued') return outcome.token;
    const details = { oauthId: installation.oauthId, status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}) };
    if (outcome.status === 401 || outcome.error === 'invalid_client') {
      throw new ConnectError('INSTALLATION_GONE', 'The host no longer knows this installation: the add-on was uninstalled', { details });
    }
    throw new ConnectError('HIPCHAT_TOKEN_REFUSED', `The host refused a token for ${scopes.join(' ') || 'the declared scopes'} (${outcome.error ?? outcome.status})`, { details });
  };
}
