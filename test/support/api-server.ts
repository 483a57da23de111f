import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

export interface ApiServer {
  /** `http://127.0.0.1:PORT/v2`, the API base the client is given. */
  apiUrl: string;
  readonly requests: ReceivedRequest[];
  /** Replaces how the server answers from the next request on. */
  answer: Answer;
  close(): Promise<void>;
}

/**
 * A small real HTTP server standing for HipChat's REST API, answering as each test tells it to (204s,
 * collections, 429s with reset headers, 500s, 401s, or nothing at all), and recording what it received.
 */
export async function startApiServer(answer: Answer = (_request, response) => void response.writeHead(204).end()): Promise<ApiServer> {
  const requests: ReceivedRequest[] = [];
  const api: ApiServer = {
    apiUrl: '',
    requests,
    answer,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: parse(text), at: Date.now() };
      requests.push(received);
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

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
