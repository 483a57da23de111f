import type { Emulator } from 'hipchat-connect/emulator';

export interface CallOptions {
  token?: string;
  /** Where the token goes: the Bearer header (default) or `?auth_token=`. */
  tokenIn?: 'header' | 'query';
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as it is, for malformed bodies. */
  rawBody?: string;
  contentType?: string;
  query?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One REST call to the emulator, the way a client makes it; `path` is below `/v2`. */
export async function call(emulator: Emulator, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(`${emulator.apiUrl}${path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = {};
  if (options.token !== undefined) {
    if (options.tokenIn === 'query') url.searchParams.set('auth_token', options.token);
    else headers.authorization = `Bearer ${options.token}`;
  }
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** Every scope, for a personal token that should pass every scope check. */
export const ALL_SCOPES = ['send_notification', 'send_message', 'view_room', 'admin_room', 'view_group', 'admin_group', 'manage_rooms', 'view_messages'];

/** The REST API's error body (docs/protocol.md#error-bodies) with the status it goes with. */
export function errorBody(status: number, field?: string) {
  return { error: { code: status, type: expectType(status), message: expect.any(String), ...(field === undefined ? {} : { field }) } };
}

function expectType(status: number): string {
  return ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests' } as Record<number, string>)[status] ?? 'Error';
}
