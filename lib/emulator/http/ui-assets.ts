import path from 'node:path';
import express, { Router } from 'express';
import { schemasDir } from '../../core/schemas';

/**
 * lib/emulator/ui/, served as it is (plain HTML, CSS and JavaScript modules, no build step). It sits
 * beside schemas/ in the package, so it is found from lib/ and from dist/lib/ alike.
 */
export function uiAssetsDir(): string {
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
 * `GET /`: the web UI; `/ui/*`: its files; `/atlassian-connect/all.js`: the JavaScript API that add-on
 * pages load (protocol section 9), which any origin may load.
 */
export function uiAssets(): Router {
  const dir = uiAssetsDir();
  const router = Router();
  router.get('/', (_req, res) => {
    res.set({ 'content-security-policy': PAGE_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' });
    res.sendFile(path.join(dir, 'index.html'));
  });
  router.get('/atlassian-connect/all.js', (_req, res) => {
    res.set({ 'cross-origin-resource-policy': 'cross-origin', 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
    res.type('js').sendFile(path.join(dir, 'all.js'));
  });
  router.use('/ui', express.static(dir, { index: false, setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff') }));
  return router;
}
