/**
 * What the emulator, acting as HipChat, refuses a caller of its REST API and views: who may call, how
 * often, on what. These are the host's codes, not the add-on's, so they form a closed set of their own
 * and the add-on's `ErrorCode` lists only what an add-on can meet. Each maps to its HTTP status here.
 */
const STATUS_BY_CODE = {
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  /** HipChat documented a 401, not a 403, for a token that lacks the call's scope. */
  SCOPE_MISSING: 401,
  ACCESS_FORBIDDEN: 403,
  RESOURCE_NOT_FOUND: 404,
  RESOURCE_CONFLICT: 409,
  RATE_LIMITED: 429,
  FLOOD_CONTROLLED: 429,
} as const;

export type EmulatorErrorCode = keyof typeof STATUS_BY_CODE;

export class EmulatorError extends Error {
  readonly code: EmulatorErrorCode;
  readonly status: number;
  /** Safe, structured facts for the response body: the request field at fault. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: EmulatorErrorCode, message: string, options: { details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'EmulatorError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details;
  }
}
