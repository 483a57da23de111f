import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { schemasDir } from '../core/schemas';

interface ClientScript {
  body: Buffer;
  etag: string;
  /** A short content hash: pages link `?v=<version>`, so a new release is a new URL. */
  version: string;
}

let loaded: ClientScript | undefined;

/** lib/client/hipchat-connect.js, read once; it sits beside schemas/ in the package, from lib/ and dist/lib/ alike. */
export function clientScript(): ClientScript {
  if (!loaded) {
    const body = readFileSync(path.join(path.dirname(schemasDir()), 'lib', 'client', 'hipchat-connect.js'));
    const hash = createHash('sha256').update(body).digest('base64url');
    loaded = { body, etag: `"${hash}"`, version: hash.slice(0, 12) };
  }
  return loaded;
}

/**
 * Serves the client helper. Asked for by its versioned URL it is immutable for a year; by its bare URL
 * it is revalidated each time against its ETag. Any origin may load it (it holds nothing private), so
 * helmet's same-origin resource policy is lifted for pages served from elsewhere.
 */
export function serveClientScript(req: Request, res: Response): void {
  const script = clientScript();
  const headers = {
    'content-type': 'text/javascript; charset=utf-8',
    etag: script.etag,
    'cache-control': req.query.v === script.version ? 'public, max-age=31536000, immutable' : 'no-cache',
    'cross-origin-resource-policy': 'cross-origin',
  };
  const known = req.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (known?.includes(script.etag)) return void res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'content-length': script.body.length }).end(script.body);
}
