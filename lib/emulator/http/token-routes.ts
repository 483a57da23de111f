import express, { type Response, type Router } from 'express';
import type { components, operations } from '../../core/rest-api/openapi';
import type { Host } from '../host';
import type { TokenRequest } from '../log';
import { resolveRequestedScopes } from '../scopes';
import type { TokenGrant } from '../token-registry';
import { sendError } from './errors';
import { bodyOf } from './fields';
import { hostRouter } from './router';

const BODY_LIMIT = '16kb';

/**
 * The OAuth 2 token endpoint (docs/protocol.md#token-request): client credentials with HTTP Basic, the body
 * as a form (as the framework sends it) or as JSON (as Atlassian's Koa client did). Refusals use OAuth's own
 * error body rather than HipChat's REST one, because that is what OAuth clients parse.
 */
export function tokenRoutes(host: Host): Router {
  const router = hostRouter();
  const parsers = [express.urlencoded({ extended: false, limit: BODY_LIMIT }), express.json({ limit: BODY_LIMIT })];

  router.post('/v2/oauth/token', ...parsers, (req, res) => {
    const body = bodyOf(req);
    const credentials = basicCredentials(req.get('authorization'));
    const attempt: TokenRequest = { oauthId: credentials?.oauthId, grantType: stringOrUndefined(body.grant_type), scope: stringOrUndefined(body.scope), status: 400 };
    host.log.tokenRequests.push(attempt);
    const refuse = (status: number, error: string, description: string): void => {
      Object.assign(attempt, { status, error });
      if (status === 401) res.set('WWW-Authenticate', 'Basic realm="HipChat"');
      res.status(status).json({ error, error_description: description });
    };

    const client = credentials && host.clients.authenticate(credentials.oauthId, credentials.oauthSecret);
    if (!client) return refuse(401, 'invalid_client', 'Unknown OAuth client or wrong secret');
    if (attempt.grantType === undefined) return refuse(400, 'invalid_request', 'grant_type is required');
    if (attempt.grantType !== 'client_credentials') return refuse(400, 'unsupported_grant_type', 'Only client_credentials is supported');
    if (body.scope !== undefined && attempt.scope === undefined) return refuse(400, 'invalid_request', 'scope must be a space-separated string');
    const scopes = resolveRequestedScopes(attempt.scope, client.scopes);
    if (!scopes.ok) return refuse(400, 'invalid_scope', `Not declared by the add-on: ${scopes.refused.join(' ')}`);

    const grant = host.tokens.issue({ oauthId: client.oauthId, scopes: scopes.scopes, groupId: client.groupId, roomId: client.roomId });
    attempt.status = 200;
    host.log.tokensIssued.push({ oauthId: client.oauthId, scopes: grant.scopes, token: grant.token });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    // Just issued, so it has its whole lifetime.
    res.json({ ...describeGrant(host, grant), expires_in: host.tokens.ttlSeconds } satisfies AccessToken);
  });

  // Knowing a token already lets one use it, so inspecting or revoking it asks for nothing more.
  router.get('/v2/oauth/token/:token', (req, res) => {
    const grant = host.tokens.lookup(req.params.token);
    if (!grant) return unknownToken(res);
    res.json({ ...describeGrant(host, grant), ...holderOf(grant) } satisfies TokenInspection);
  });

  router.delete('/v2/oauth/token/:token', (req, res) => {
    if (!host.tokens.revoke(req.params.token)) return unknownToken(res);
    res.status(204).end();
  });

  return router;
}

/** The token answer and the inspection's, typed by the REST API's contract. */
type AccessToken = components['schemas']['AccessToken'];
type TokenInspection = operations['getToken']['responses'][200]['content']['application/json'];

/** What every answer about a token says; one that lives until revoked has no `expires_in`. */
function describeGrant(host: Host, grant: TokenGrant): TokenInspection {
  return {
    access_token: grant.token,
    expires_in: host.tokens.secondsLeft(grant),
    group_id: grant.groupId,
    group_name: host.world.group.name,
    scope: grant.scopes.join(' '),
    token_type: 'bearer',
  };
}

/** Who the token acts for, in the inspection's snake_case. */
function holderOf(grant: TokenGrant): Pick<TokenInspection, 'oauth_client_id' | 'room_id' | 'user_id' | 'label'> {
  switch (grant.kind) {
    case 'addon':
      return { oauth_client_id: grant.oauthId, room_id: grant.roomId };
    case 'room':
      return { room_id: grant.roomId, label: grant.label };
    case 'personal':
      return { user_id: grant.userId };
  }
}

function unknownToken(res: Response): void {
  sendError(res, 404, 'Unknown or expired token');
}

/** `Authorization: Basic base64(oauthId:oauthSecret)`; the secret may itself contain colons. */
function basicCredentials(header: string | undefined): { oauthId: string; oauthSecret: string } | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { oauthId: decoded.slice(0, colon), oauthSecret: decoded.slice(colon + 1) };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
