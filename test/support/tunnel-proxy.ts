import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TLS = path.join(__dirname, '..', 'fixtures', 'tls');
/** The certificate the stand-in presents; whoever calls it trusts this (NODE_EXTRA_CA_CERTS, or `ca`). */
export const TUNNEL_CA_FILE = path.join(TLS, 'localhost-cert.pem');

/** One request as it came through the tunnel, and the forwarding headers it went on with. */
export interface TunnelledRequest {
  method: string;
  path: string;
  authorization?: string;
  forwardedProto: string;
  forwardedHost: string;
}

export interface TunnelProxy {
  /** `https://localhost:PORT` (or `http://127.0.0.1:PORT` without TLS): a host that is not the add-on's. */
  url: string;
  requests: TunnelledRequest[];
  close(): Promise<void>;
}

/**
 * What ngrok's edge does, on loopback: terminates TLS at `https://localhost:PORT` and forwards each
 * request over plain http to the add-on's port, adding `X-Forwarded-Proto: https`,
 * `X-Forwarded-Host` (the host the client asked for) and `X-Forwarded-For`. Loopback, because the
 * emulator only calls loopback URLs; https with a real certificate, because that is what a tunnel's
 * URL is, so the emulator really reaches the add-on through it. `tls: false` gives a plain http one,
 * for an emulator in a process that does not trust the certificate.
 */
export async function startTunnelProxy(targetPort: number, { tls = true } = {}): Promise<TunnelProxy> {
  const requests: TunnelledRequest[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const forwarded = {
      ...req.headers,
      'x-forwarded-proto': tls ? 'https' : 'http',
      'x-forwarded-host': req.headers.host ?? '',
      'x-forwarded-for': req.socket.remoteAddress ?? '',
    };
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization, forwardedProto: forwarded['x-forwarded-proto'], forwardedHost: forwarded['x-forwarded-host'] });
    const upstream = httpRequest({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: forwarded }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    // As ngrok answers when the agent's upstream is down.
    upstream.on('error', () => res.writeHead(502).end('tunnel: the add-on is not answering'));
    req.pipe(upstream);
  };
  const server: Server = tls
    ? createHttpsServer({ key: readFileSync(path.join(TLS, 'localhost-key.pem')), cert: readFileSync(TUNNEL_CA_FILE) }, forward)
    : createHttpServer(forward);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** A GET through the tunnel, trusting its certificate: what a browser or HipChat Server would do. */
export function getThroughTunnel(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca: readFileSync(TUNNEL_CA_FILE), headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
