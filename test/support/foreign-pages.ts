import express from 'express';
import { listen, type Served } from './serve';

/**
 * Pages of an origin that is not the host's: `/frame?src=` frames any URL, standing for a site that
 * frames an add-on page (and may talk to it as if it were the host); `/impostor` posts a call of the
 * host's API to its parent, standing for a page a hijacked frame navigated to.
 */
export function startForeignPages(): Promise<Served> {
  const app = express();
  app.get('/frame', (req, res) => void res.type('html').send(`<!doctype html><iframe id="addon" src="${String(req.query.src).replace(/"/g, '&quot;')}"></iframe>`));
  app.get('/impostor', (_req, res) => void res.type('html').send(
    '<!doctype html><script>parent.postMessage({ type: "req", mid: "i1", mod: "auth", fn: "withToken", args: [] }, "*")</script>'));
  return listen(app);
}

/** An add-on page's URL as the emulator signs it for its web UI (`POST /emulator/ui/views`). */
export async function signedViewUrl(emulatorUrl: string, view: { oauthId: string; key: string; user?: number; room?: number }): Promise<string> {
  const response = await fetch(`${emulatorUrl}/emulator/ui/views`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 1, room: 1, ...view }),
  });
  return ((await response.json()) as { url: string }).url;
}
