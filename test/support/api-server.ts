import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryOf } from '../../lib/http/query';
import { violationLog, type ContractChecked } from './contract-violations';
import type { ApiRequest } from './openapi-contract';

export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or as text when it is not JSON. */
  body: any;
  /** `Date.now()` when the request had arrived whole. */
  at: number;
}

export type Answer = (request: ReceivedRequest, response: ServerResponse) => void;

export interface ApiServer extends ContractChecked {
  /** `http://127.0.0.1:PORT/v2`, the API base the client is given. */
  apiUrl: string;
  readonly requests: ReceivedRequest[];
  /** Replaces how the server answers from the next request on. */
  answer: Answer;
  /** Stops the server, then asserts the contract: a violation no test took fails the file that left it. */
  close(): Promise<void>;
}

/**
 * A small real HTTP server standing for HipChat's REST API, answering as each test tells it to (204s,
 * collections, 429s with reset headers, 500s, 401s, or nothing at all), and recording what it received.
 * Every request it receives is checked against the REST API's contract, as the checked emulator checks
 * them, so no request the client sends anywhere in the tests escapes the check; its answers are the
 * test's own and are not checked.
 */
export async function startApiServer(answer: Answer = (_request, response) => void response.writeHead(204).end()): Promise<ApiServer> {
  const requests: ReceivedRequest[] = [];
  const contract = violationLog();
  const api: ApiServer = {
    apiUrl: '',
    requests,
    answer,
    get violations() {
      return contract.violations;
    },
    takeViolations: contract.takeViolations,
    assertContract: contract.assertContract,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      contract.assertContract();
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: parse(text), at: Date.now() };
      requests.push(received);
      const checked = asApiRequest(received, text);
      contract.record((openApi) => openApi.checkRequest(checked), checked);
      api.answer(received, response);
    });
  });
  // A deep accept queue: tests open thousands of connections at once, which the default 511 would drop.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  api.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  return api;
}

/** Answers with JSON and a status. */
export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** The request as the contract check reads it: the path still encoded, a form body as its fields. */
function asApiRequest(received: ReceivedRequest, text: string): ApiRequest {
  const url = new URL(received.url, 'http://api');
  const form = /^application\/x-www-form-urlencoded/i.test(received.headers['content-type'] ?? '');
  const requestBody = form ? Object.fromEntries(new URLSearchParams(text)) : received.body;
  return { method: received.method, path: url.pathname, query: queryOf(url.searchParams), requestBody };
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
