import path from 'node:path';
import express, { type Router } from 'express';
import { schemasDir } from '../../core/schemas';
import { hostRouter } from './router';

/**
 * lib/emulator/ui/, served as it is (plain HTML, CSS and JavaScript modules, no build step). It sits
 * beside schemas/ in the package, so it is found from lib/ and from dist/lib/ alike.
 */
function uiAssetsDir(): string {
  return path.join(path.dirname(schemasDir()), 'lib', 'emulator', 'ui');
}

/**
 * The web page's policy: scripts and styles from the emulator only, never inline, so add-on HTML that
 * slipped past the sanitiser still could not run. Add-on pages (frames), glance queries and icons are
 * the add-ons' own, on their own origins.
 */
const PAGE_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' http: https: data:",
  "connect-src 'self' http: https:", 'frame-src http: https:', "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');

/**
 * `GET /`: the web UI; `/ui/*`: its files; `/atlassian-connect/all.js`: the JavaScript API that add-on pages
 * load (docs/protocol.md#host-javascript-api), which any origin may load. `all-debug.js` (the same API, which
 * ACE-HipChat's development middleware asks for) and `all.css` (the host's styles) are served beside it.
 */
export function uiAssets(): Router {
  const dir = uiAssetsDir();
  const router = hostRouter();
  router.get('/', (_req, res) => {
    res.set({ 'content-security-policy': PAGE_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' });
    res.sendFile(path.join(dir, 'index.html'));
  });
  const forAddonPages = { 'cross-origin-resource-policy': 'cross-origin', 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
  router.get(['/atlassian-connect/all.js', '/atlassian-connect/all-debug.js'], (_req, res) => {
    res.set(forAddonPages).type('js').sendFile(path.join(dir, 'all.js'));
  });
  router.get('/atlassian-connect/all.css', (_req, res) => {
    res.set(forAddonPages).type('css').sendFile(path.join(dir, 'all.css'));
  });
  router.use('/ui', express.static(dir, { index: false, setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff') }));
  return router;
}
