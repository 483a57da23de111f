import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** The three places a host put a webhook's JWT (docs/protocol.md#token-locations). */
export type TokenForm = 'header' | 'header-token' | 'query';

export const TOKEN_FORMS: readonly TokenForm[] = Object.freeze(['header', 'header-token', 'query']);

interface WebhookTokenInput {
  oauthId: string;
  oauthSecret: string;
  userId: number;
  /** Absent where no room is in view: a group installation's configuration page. */
  roomId?: number;
  userTz: string;
  /** Seconds since the epoch. */
  issuedAt: number;
}

/** HipChat's tokens lived one hour. */
const LIFETIME_SECONDS = 60 * 60;

/** Signs as HipChat did: HS256 with the installation's secret, the oauthId as issuer, the user as a string subject. */
export function signWebhookToken(input: WebhookTokenInput): string {
  const claims = {
    iss: input.oauthId,
    sub: String(input.userId),
    iat: input.issuedAt,
    exp: input.issuedAt + LIFETIME_SECONDS,
    jti: randomUUID(),
    // JSON drops an undefined room_id, so a token without a room carries only the time zone.
    context: { room_id: input.roomId, user_tz: input.userTz },
  };
  return jwt.sign(claims, input.oauthSecret, { algorithm: 'HS256' });
}

/** The headers and query parameters that carry the token in the chosen form. */
export function tokenPlacement(token: string, form: TokenForm): { headers: Record<string, string>; query: Record<string, string> } {
  switch (form) {
    case 'header':
      return { headers: { authorization: `JWT ${token}` }, query: {} };
    case 'header-token':
      return { headers: { authorization: `JWT token=${token}` }, query: {} };
    case 'query':
      return { headers: {}, query: { signed_request: token } };
  }
}

/** The request URL and headers that carry the token in the chosen form. */
export function placeToken(url: string, token: string, form: TokenForm): { url: string; headers: Record<string, string> } {
  const { headers, query } = tokenPlacement(token, form);
  if (Object.keys(query).length === 0) return { url, headers };
  const signed = new URL(url);
  for (const [name, value] of Object.entries(query)) signed.searchParams.set(name, value);
  return { url: signed.toString(), headers };
}
