/**
 * The yardsticks the add-on is measured against, each as small as its job allows. They get the same
 * requests as the add-on (body, a fresh token each); all but `express` answer without a handler's reply.
 */
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import express from 'express';
import { STRICT_HEADER_LIST } from '../../lib/http/security-headers';

/**
 * The job's floor: node:http, read the body, `JSON.parse` it, decode the token (header and payload),
 * one HS256 HMAC with the secret already known, 204. What no add-on on Node can do with less work.
 */
export function floorServer(secret: KeyObject): Server {
  return createServer((req, res) => {
    readBody(req, (body) => void res.writeHead(floorJob(req, body, secret) ? 204 : 401).end());
  });
}

/**
 * The floor with the one thing Express 5 does to every request before any middleware runs: it gives the
 * request and the response the app's own prototypes (`Object.setPrototypeOf`, in `app.handle`). Nothing
 * else of Express runs. How much of the job's cost inside Express comes from that alone
 * (docs/performance.md#mounted).
 */
export function floorSwappedServer(secret: KeyObject): Server {
  const requestPrototype = Object.create(IncomingMessage.prototype) as object;
  const responsePrototype = Object.create(ServerResponse.prototype) as object;
  return createServer((req, res) => {
    Object.setPrototypeOf(req, requestPrototype);
    Object.setPrototypeOf(res, responsePrototype);
    readBody(req, (body) => void res.writeHead(floorJob(req, body, secret) ? 204 : 401).end());
  });
}

/**
 * The ceiling of a middleware mounted in Express 5: Express routing, then the floor's job and helmet's
 * strict headers (which the add-on sends on every answer), 204. Mounted, no add-on can do less.
 */
export function expressFloorApp(secret: KeyObject): express.Express {
  const app = express();
  app.post('/webhooks/weather', (req, res) => {
    readBody(req, (body) => void res.writeHead(floorJob(req, body, secret) ? 204 : 401, [...STRICT_HEADER_LIST]).end());
  });
  return app;
}

/** Express 5 routing alone: the route matched, the body drained unparsed, 204. */
export function expressRoutingApp(): express.Express {
  const app = express();
  app.post('/webhooks/weather', (req, res) => {
    req.on('end', () => void res.status(204).end()).resume();
  });
  return app;
}

/** The same answer as the add-on's from a bare Express 5 app with `express.json()` and no authentication. */
export function expressJsonApp(): express.Express {
  const app = express();
  app.post('/webhooks/weather', express.json(), (req, res) => {
    const city = /^\/weather\s+(?<city>.+)$/i.exec(String(req.body?.item?.message?.message))?.groups?.city ?? 'your town';
    res.json({ message: `Sunny in ${city}, 21°`, color: 'green', message_format: 'text' });
  });
  return app;
}

/** Parses the body, decodes the token and checks its HS256 signature: whether it is valid. */
function floorJob(req: IncomingMessage, body: string, secret: KeyObject): boolean {
  JSON.parse(body);
  const token = (req.headers.authorization ?? '').slice('JWT '.length);
  const [header = '', payload = '', signature = ''] = token.split('.');
  JSON.parse(Buffer.from(header, 'base64url').toString());
  JSON.parse(Buffer.from(payload, 'base64url').toString());
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}
