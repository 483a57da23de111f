import { ConnectError, type ErrorCode } from '../errors';
import type { Exchange, HttpAnswer } from './exchange';
import { resumeAt } from './rate-limit';

/** The error body of the REST API (docs/protocol.md#error-bodies), as the host sends it. */
export interface HipChatError {
  code: number;
  type: string;
  message: string;
  field?: string;
  validation?: string;
}

/** What a failed call was, for messages and details: method and URL path, never the token. */
export interface CallSummary {
  method: string;
  url: string;
  attempts: number;
}

/**
 * The coded error for an answer that is not a success: 401 and 403 are HIPCHAT_ACCESS_DENIED (the token
 * is invalid or lacks the scope), 429 HIPCHAT_RATE_LIMITED with the time to come back, anything else
 * HIPCHAT_API_ERROR. The details carry the status and the host's own error body.
 */
export function answerError(answer: HttpAnswer, call: CallSummary, now: number): ConnectError {
  const error = hipChatError(answer.text);
  const code: ErrorCode = answer.status === 401 || answer.status === 403
    ? 'HIPCHAT_ACCESS_DENIED'
    : answer.status === 429 ? 'HIPCHAT_RATE_LIMITED' : 'HIPCHAT_API_ERROR';
  const retryAt = code === 'HIPCHAT_RATE_LIMITED' ? resumeAt(answer.headers, now) : undefined;
  const said = error ? `: ${error.message}` : '';
  return new ConnectError(code, `${describe(call)}: HipChat answered ${answer.status}${said}`, {
    details: {
      ...summary(call),
      status: answer.status,
      ...(error ? { error } : {}),
      ...(retryAt === undefined ? {} : { retryAt: new Date(retryAt).toISOString() }),
    },
  });
}

/** The coded error for an attempt that got no usable answer. */
export function failureError(outcome: Exclude<Exchange, { kind: 'answered' }>, call: CallSummary, timeoutMs: number): ConnectError {
  switch (outcome.kind) {
    case 'timed-out':
      return new ConnectError('HIPCHAT_TIMEOUT', `${describe(call)}: HipChat did not answer within ${timeoutMs} ms`, {
        cause: outcome.cause, details: { ...summary(call), timeoutMs },
      });
    case 'unreachable':
      return new ConnectError('HIPCHAT_UNREACHABLE', `${describe(call)}: HipChat could not be reached`, {
        cause: outcome.cause, details: summary(call),
      });
    case 'too-large':
      return new ConnectError('HIPCHAT_API_ERROR', `${describe(call)}: HipChat's answer is too large to read`, {
        details: { ...summary(call), status: outcome.status },
      });
  }
}

/** A 2xx answer whose body should have been JSON and was not. */
export function malformedAnswer(answer: HttpAnswer, call: CallSummary, cause: unknown): ConnectError {
  return new ConnectError('HIPCHAT_API_ERROR', `${describe(call)}: HipChat answered ${answer.status} with a body that is not JSON`, {
    cause, details: { ...summary(call), status: answer.status },
  });
}

function summary(call: CallSummary): Record<string, unknown> {
  return { method: call.method, path: new URL(call.url).pathname, attempts: call.attempts };
}

function describe(call: CallSummary): string {
  const attempts = call.attempts > 1 ? ` (after ${call.attempts} attempts)` : '';
  return `${call.method} ${new URL(call.url).pathname}${attempts}`;
}

function hipChatError(text: string): HipChatError | undefined {
  try {
    const error = (JSON.parse(text) as { error?: Partial<HipChatError> } | null)?.error;
    return typeof error?.message === 'string' ? (error as HipChatError) : undefined;
  } catch {
    return undefined;
  }
}
