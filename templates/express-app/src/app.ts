import express from 'express';
import type { Addon } from 'hipchat-connect';

/**
 * Your Express app, as it was before HipChat: its own routes, and now the add-on mounted in it.
 * `addon.router` serves the descriptor (`/atlassian-connect.json`), the install and uninstall callbacks
 * and the webhooks; everything else is yours.
 */
export function createApp(addon: Addon): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // The add-on's routes, /healthz among them (whether its store answers, for a load balancer).
  app.use(addon.router);

  // The app's own routes, open to anyone as before.
  app.get('/', (_req, res) => void res.type('text').send(`${addon.options.name}: see /atlassian-connect.json for the add-on.\n`));
  app.get('/ping', (_req, res) => void res.json({ pong: true }));

  // A route only HipChat may call: addon.authenticate() takes the token the host (or one of the add-on's
  // pages) signed, refuses a missing or forged one with 401 and its code, and tells the route who asks.
  app.get('/api/whoami', addon.authenticate(), (_req, res) => {
    const { installation, roomId, userId } = res.locals.hipchat;
    res.json({ groupId: installation.groupId, roomId: roomId ?? null, userId: userId ?? null });
  });

  return app;
}
