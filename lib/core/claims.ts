/**
 * The verified claims of a host-signed JWT (docs/protocol.md#jwt-claims), normalised across host versions.
 */
export interface Claims {
  /** The installation's oauthId. */
  iss: string;
  /** The HipChat user id; older hosts sent `prn`, which is copied here. */
  sub?: string;
  iat: number;
  exp: number;
  jti?: string;
  context?: ClaimsContext;
  [claim: string]: unknown;
}

export interface ClaimsContext {
  room_id?: number | string;
  /** The user's time zone; older hosts sent `tz`, which is copied here. */
  user_tz?: string;
  [field: string]: unknown;
}
