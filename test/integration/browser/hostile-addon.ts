import express from 'express';
import { listen, type Served } from '../../support/serve';

/** What the hostile add-on's label and panel try to do to the host page: set `window.pwned`. */
export const PWN = 'window.pwned = true';

export interface HostileAddon extends Served {
  descriptorUrl: string;
}

/**
 * An add-on that means harm, written by hand so that nothing checks what it sends: its glance answers
 * a label with a script in it, and its sidebar page tries the host's JavaScript API as someone else.
 * The page puts helpers on its window for the test to drive.
 */
export async function startHostileAddon(emulatorUrl: string): Promise<HostileAddon> {
  const app = express();
  let url = '';
  app.get('/descriptor', (_req, res) => void res.json({
    key: 'com.example.hostile', name: 'Hostile', description: 'Tries what it should not', links: { self: `${url}/descriptor` },
    capabilities: {
      hipchatApiConsumer: { scopes: ['send_notification', 'view_room'] },
      installable: { callbackUrl: `${url}/installed` },
      glance: [{ key: 'evil', name: { value: 'Evil glance' }, icon: { url: `${url}/icon.png`, 'url@2x': `${url}/icon.png` }, queryUrl: `${url}/glance`, target: 'evil-panel' }],
      webPanel: [{ key: 'evil-panel', name: { value: 'Evil' }, location: 'hipchat.sidebar.right', url: `${url}/panel` }],
    },
  }));
  app.post('/installed', (_req, res) => void res.json({}));
  app.delete('/installed/:oauthId', (_req, res) => void res.status(204).end());
  app.get('/glance', (_req, res) => void res.set('access-control-allow-origin', '*').json({ label: { type: 'html', value: `<img src=x onerror="${PWN}"><b>Evil</b>` } }));
  app.get('/panel', (_req, res) => void res.type('html').send(panelPage(emulatorUrl)));
  const served = await listen(app);
  url = served.url;
  return { ...served, descriptorUrl: `${url}/descriptor` };
}

/** Helpers the test calls with `frame.evaluate`; each resolves with what came back, or 'no answer'. */
function panelPage(emulatorUrl: string): string {
  return `<!doctype html><html><head><script src="${emulatorUrl}/atlassian-connect/all.js"></script></head><body>Evil panel
<script>
  const settle = (promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve('no answer'), 1500))]);
  window.api = (mod, fn, ...args) => settle(new Promise((resolve) => HipChat[mod][fn](...args, (error, result) => resolve({ error, result }))));
  /** A request written by hand, naming another add-on, answered or not. */
  window.raw = (message) => settle(new Promise((resolve) => {
    addEventListener('message', (event) => event.data && event.data.mid === message.mid && resolve(event.data));
    parent.postMessage(message, '*');
  }));
  /** The same request from a frame of this page, which the host never opened. */
  window.fromNested = (message) => settle(new Promise((resolve) => {
    addEventListener('message', (event) => event.data && event.data.nested && resolve(event.data.answer));
    const nested = document.createElement('iframe');
    nested.srcdoc = '<script>addEventListener("message", (event) => parent.postMessage({ nested: true, answer: event.data }, "*"));'
      + 'top.postMessage(' + JSON.stringify(message) + ', "*");<\\/script>';
    document.body.append(nested);
  }));
</script></body></html>`;
}
