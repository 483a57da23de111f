import type { ErrorCode } from '../errors';
import type { EmulatorErrorCode } from './emulator-error';
import type { GlanceState } from './glances';

/**
 * What the emulator did, in the order it happened, so tests can assert on the host's side of a
 * conversation. Tokens appear in full on purpose: this log never leaves the process and tests need to
 * match a token the add-on used against the one issued.
 */
interface TokenIssued {
  /** The installation of an add-on token. */
  oauthId?: string;
  /** The room of a room notification token, and its label. */
  roomId?: number;
  label?: string;
  /** The user of a personal access token. */
  userId?: number;
  scopes: string[];
  token: string;
}

export interface TokenRequest {
  /** Absent when the request carried no usable Basic credentials. */
  oauthId?: string;
  grantType?: string;
  scope?: string;
  status: number;
  /** The OAuth error code of a refused request. */
  error?: string;
}

export interface WebhookSent {
  /** The installation that signed it; absent for a room webhook a personal token registered. */
  oauthId?: string;
  url: string;
  event: string;
  webhookId: number;
  roomId: number;
  /** 0 when the add-on could not be reached. */
  status: number;
  body: unknown;
  /** The error code when the add-on could not be reached (HOST_UNREACHABLE). */
  error?: string;
}

export interface InstallRecord {
  kind: 'install' | 'update';
  oauthId: string;
  descriptorUrl: string;
  roomId?: number;
  /** The add-on's answer to the callback; absent when it could not be reached. */
  status?: number;
  /** False when the add-on refused and the client was removed again. */
  accepted: boolean;
}

export interface UninstallRecord {
  oauthId: string;
  /** The add-on's answer to the DELETE; absent when it could not be reached. */
  status?: number;
  body?: unknown;
}

/**
 * A request the REST API refused, with the code that says why: the host's own (RATE_LIMITED,
 * SCOPE_MISSING, …) or, for a body it could not take, the toolkit's (PAYLOAD_INVALID, BODY_MALFORMED, …).
 */
interface ApiRefusal {
  method: string;
  path: string;
  status: number;
  code: EmulatorErrorCode | ErrorCode;
}

export interface EmulatorLog {
  readonly tokensIssued: TokenIssued[];
  readonly tokenRequests: TokenRequest[];
  readonly webhooksSent: WebhookSent[];
  readonly installs: InstallRecord[];
  readonly uninstalls: UninstallRecord[];
  /** Every glance push, in order; `emulator.glances()` keeps only the latest per glance and scope. */
  readonly glancePushes: GlanceState[];
  readonly apiRefusals: ApiRefusal[];
}

export function emptyLog(): EmulatorLog {
  return { tokensIssued: [], tokenRequests: [], webhooksSent: [], installs: [], uninstalls: [], glancePushes: [], apiRefusals: [] };
}
