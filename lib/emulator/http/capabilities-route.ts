import { Router } from 'express';
import { capabilitiesDocument } from '../capabilities';
import type { Host } from '../host';

/** `GET /v2/capabilities`; Express's non-strict routing also answers `/v2/capabilities/`. */
export function capabilitiesRoute(host: Host): Router {
  const document = capabilitiesDocument(host.urls);
  return Router().get('/v2/capabilities', (_req, res) => {
    res.json(document);
  });
}
