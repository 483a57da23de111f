import { ConnectError, isConnectError } from '../../errors';

/** What a transport hands over for token lookup; no framework types. */
export interface TokenCarrier {
  authorization?: string | undefined;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Host tokens are a few hundred bytes; anything near this is an attack or a mistake, refused unparsed. */
export const MAX_TOKEN_LENGTH = 4096;

// `JWT <t>` and `JWT token=<t>` (quoted or not), scheme case-insensitive: every form a host ever sent.
const AUTHORIZATION = /^JWT\s+(?:token=)?"?([^"\s]+)"?\s*$/i;

/**
 * Finds the token in any of the three places a host puts it (docs/protocol.md#token-locations). The header
 * wins when several are present, since a query string can be replayed from a log more easily than a header.
 */
export function extractToken(carrier: TokenCarrier): string {
  const token = fromHeader(carrier.authorization) ?? fromFields(carrier.query) ?? fromFields(carrier.body);
  if (token === undefined || token === '') throw new ConnectError('JWT_MISSING', 'No JWT in the Authorization header or signed_request');
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new ConnectError('JWT_TOO_LARGE', `JWT is longer than ${MAX_TOKEN_LENGTH} characters`);
  }
  return token;
}

/**
 * The token when there is a readable one, else undefined: for a token that is optional, such as the
 * proof of the old secret an install may carry, where a missing or unreadable token proves nothing
 * rather than refusing the request.
 */
export function optionalToken(carrier: TokenCarrier): string | undefined {
  try {
    return extractToken(carrier);
  } catch (error) {
    if (isConnectError(error)) return undefined;
    throw error;
  }
}

function fromHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = AUTHORIZATION.exec(header);
  if (!match) throw new ConnectError('JWT_MALFORMED', 'Authorization header is not of the form "JWT <token>"');
  return match[1];
}

function fromFields(fields: unknown): string | undefined {
  if (typeof fields !== 'object' || fields === null) return undefined;
  const value = (fields as Record<string, unknown>).signed_request;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ConnectError('JWT_MALFORMED', 'signed_request must be a single string');
  return value;
}
