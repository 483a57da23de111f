/**
 * One error class for everything the toolkit refuses, with a closed set of codes. Each code maps to an
 * HTTP status here and nowhere else, so adapters never guess a status from a message.
 */
const STATUS_BY_CODE = {
  // A caller's mistake at start-up: the message names the option.
  OPTION_INVALID: 500,
  DESCRIPTOR_INVALID: 500,
  /** `addon.listen` could not take its port (in use, not allowed): the message names the setting to change. */
  LISTEN_FAILED: 500,

  // Incoming JWTs (docs/protocol.md#host-signed-jwts).
  JWT_MISSING: 401,
  JWT_MALFORMED: 401,
  JWT_TOO_LARGE: 401,
  JWT_ALGORITHM_NOT_ALLOWED: 401,
  JWT_SIGNATURE_INVALID: 401,
  JWT_CLAIM_MISSING: 401,
  /** A claim the toolkit reads (`sub`, `nbf`, `context.room_id`, …) is there but of the wrong type. */
  JWT_CLAIM_INVALID: 401,
  JWT_EXPIRED: 401,
  JWT_ISSUED_IN_FUTURE: 401,
  /** `nbf` (not before) is later than now, beyond the clock tolerance (RFC 7519, section 4.1.5). */
  JWT_NOT_YET_VALID: 401,
  JWT_TOO_OLD: 401,
  JWT_UNKNOWN_ISSUER: 401,
  /** A page token chain (refresh after refresh) outlived `jwt.pageSessionSeconds`: the page needs a new host token. */
  PAGE_SESSION_EXPIRED: 401,

  // Request bodies.
  BODY_MALFORMED: 400,
  BODY_TOO_LARGE: 413,
  BODY_UNSUPPORTED_TYPE: 415,
  /** A `Content-Encoding` other than identity: hosts send JSON as it is. */
  BODY_UNSUPPORTED_ENCODING: 415,
  /** The body did not arrive within `limits.bodyTimeoutMs` of the headers. */
  BODY_TIMEOUT: 408,
  PAYLOAD_INVALID: 400,

  // The installation lifecycle (docs/protocol.md#installation).
  HOST_NOT_ALLOWED: 403,
  CAPABILITIES_UNREACHABLE: 502,
  CAPABILITIES_INVALID: 502,
  INSTALL_TARGET_NOT_ALLOWED: 403,
  CREDENTIALS_REJECTED: 403,
  OAUTH_ID_CONFLICT: 409,
  INSTALLATION_NOT_FOUND: 404,
  UNINSTALL_REFUSED: 403,
  HOST_UNREACHABLE: 502,
  LIFECYCLE_HANDLER_FAILED: 500,

  // The store behind installations and tokens.
  STORE_UNAVAILABLE: 503,
  /** The add-on is closing (SIGTERM, `addon.close()`): it finishes what runs and takes nothing new. */
  SHUTTING_DOWN: 503,
  /** A secret at rest names a key id that none of the given keys has (a key missing or wrong). */
  SECRET_KEY_UNKNOWN: 500,
  /** A secret at rest does not decrypt with the key it names: changed, or moved from another record. */
  SECRET_UNREADABLE: 500,

  // Calls to the HipChat REST API (docs/protocol.md#access-tokens, docs/protocol.md#rest-api). Failures of
  // the host are the gateway's: 502, 503 when it asked to be called later, 504 when it did not answer in
  // time.
  HIPCHAT_API_ERROR: 502,
  HIPCHAT_ACCESS_DENIED: 502,
  HIPCHAT_RATE_LIMITED: 503,
  HIPCHAT_UNREACHABLE: 502,
  HIPCHAT_TIMEOUT: 504,
  HIPCHAT_TOKEN_REFUSED: 502,
  INSTALLATION_GONE: 410,
  // What the add-on asked to send was wrong before anything was sent: the add-on's own mistake.
  REQUEST_INVALID: 500,
  CARD_INVALID: 500,

  // `hipchat-connect dev`: a tunnel that cannot be had (package or token missing, or it failed to open).
  TUNNEL_UNAVAILABLE: 502,

  // Everything else.
  ROUTE_NOT_FOUND: 404,
  HANDLER_FAILED: 500,
  /** A glance handler answered data that breaks schemas/glance.schema.json: the add-on's bug, not the host's. */
  GLANCE_INVALID: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export const ERROR_CODES = Object.freeze(Object.keys(STATUS_BY_CODE) as ErrorCode[]);

interface ConnectErrorOptions {
  /** The underlying error; kept for logs, never sent in a response. */
  cause?: unknown;
  /** Safe, structured facts for the response body (a schema path, an option name). */
  details?: Record<string, unknown>;
}

export class ConnectError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: ConnectErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details;
  }

  /** The JSON body a response carries: code and message only, never a stack or a cause. */
  toJSON(): { error: { code: ErrorCode; status: number; message: string; details?: Record<string, unknown> } } {
    const error = { code: this.code, status: this.status, message: this.message };
    return { error: this.details ? { ...error, details: this.details } : error };
  }
}

export function isConnectError(value: unknown, code?: ErrorCode): value is ConnectError {
  return value instanceof ConnectError && (code === undefined || value.code === code);
}

/** Wraps anything thrown into a ConnectError, keeping the original as the cause. */
export function toConnectError(value: unknown, fallback: ErrorCode = 'INTERNAL'): ConnectError {
  if (value instanceof ConnectError) return value;
  return new ConnectError(fallback, fallback === 'INTERNAL' ? 'Internal error' : 'Request failed', { cause: value });
}

/** Start-up check that names the option at fault, as panva/jose does. */
export function invalidOption(option: string, expected: string): ConnectError {
  return new ConnectError('OPTION_INVALID', `options.${option} must be ${expected}`, { details: { option } });
}

/** The same for a setting read from the environment, which names the variable instead. */
export function invalidVariable(variable: string, expected: string): ConnectError {
  return new ConnectError('OPTION_INVALID', `The environment variable ${variable} must be ${expected}`, { details: { variable } });
}
