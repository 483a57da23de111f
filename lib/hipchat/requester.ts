import type { HttpRequest } from '../core/host/bounded-fetch';
import { answerError, malformedAnswer, type CallSummary } from './api-errors';
import { expandPath, joinApiUrl, parseRoute, type PathValue, type Query } from './api-url';
import type { HttpAnswer } from './exchange';
import type { Transport } from './transport';

/** Where a client's bearer token comes from, and what happens when the API refuses it. */
export interface Authorizer {
  token(): Promise<string>;
  /** The API answered 401 to `token`: forget it, and say whether a fresh one is worth one more try. */
  refused(token: string): Promise<boolean>;
}

export interface RequestParams {
  /** Values for the route's `{placeholders}`, each percent-encoded as one path segment. */
  path?: Readonly<Record<string, PathValue>>;
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Whether sending it twice does no harm, which allows more retries. Default: every method but POST. */
  idempotent?: boolean;
}

/**
 * Turns a route and its parameters into an authorised request, sends it through the transport, and
 * turns the answer into a value or a coded error. A 401 gets exactly one second chance with a fresh
 * token (a cached token may have been revoked); a second 401 is the answer.
 */
export class Requester {
  constructor(
    private readonly apiUrl: string,
    private readonly authorizer: Authorizer,
    private readonly transport: Transport,
    private readonly now: () => number,
  ) {}

  /** The parsed JSON body of a successful answer; undefined for an empty one (204, 202). */
  async request<T>(route: string, params: RequestParams = {}): Promise<T> {
    const { answer, call } = await this.successful(route, params);
    if (answer.text === '') return undefined as T;
    try {
      return JSON.parse(answer.text) as T;
    } catch (cause) {
      throw malformedAnswer(answer, call, cause);
    }
  }

  private async successful(route: string, params: RequestParams): Promise<{ answer: HttpAnswer; call: CallSummary }> {
    const { method, template } = parseRoute(route);
    const url = joinApiUrl(this.apiUrl, expandPath(template, params.path), params.query);
    const idempotent = params.idempotent ?? method !== 'POST';
    const body = params.body === undefined ? undefined : JSON.stringify(params.body);
    let token = await this.authorizer.token();
    let delivered = await this.transport.send(authorised({ url, method, body }, token), idempotent);
    if (delivered.answer.status === 401 && (await this.authorizer.refused(token))) {
      token = await this.authorizer.token();
      delivered = await this.transport.send(authorised({ url, method, body }, token), idempotent);
    }
    const { answer, attempts } = delivered;
    const call = { method, url, attempts };
    if (answer.status >= 200 && answer.status < 300) return { answer, call };
    throw answerError(answer, call, this.now());
  }
}

function authorised(request: { url: string; method: string; body: string | undefined }, token: string): HttpRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return { ...request, headers };
}
