import type { Router } from 'express';
import { DONE_PATH, INSTALLABLE_PATH, type InstallableTickets } from '../redirect-flows';
import { sendError } from './errors';
import { hostRouter } from './router';

/**
 * The host's half of the browser redirect flows (docs/protocol.md#browser-redirect-flows): `installable_url`,
 * which answers an installation's JSON once per ticket, and the page `redirect_url` sends the browser back
 * to.
 */
export function redirectRoutes(tickets: InstallableTickets): Router {
  const router = hostRouter();

  router.get(`${INSTALLABLE_PATH}/:ticket`, (req, res) => {
    const body = tickets.take(req.params.ticket);
    if (!body) return sendError(res, 404, 'Unknown or already used installable ticket');
    // It carries the OAuth secret: no cache along the way may keep a copy.
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.get(DONE_PATH, (_req, res) => {
    res.type('text').send('The add-on has sent the browser back to HipChat; the flow is complete.');
  });

  return router;
}
