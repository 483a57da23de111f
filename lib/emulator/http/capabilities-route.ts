import type { Router } from 'express';
import { capabilitiesDocument } from '../capabilities';
import type { Host } from '../host';
import { hostRouter } from './router';

/** `GET /v2/capabilities`; Express's non-strict routing also answers `/v2/capabilities/`. */
export function capabilitiesRoute(host: Host): Router {
  const document = capabilitiesDocument(host.urls);
  return hostRouter().get('/v2/capabilities', (_req, res) => {
    res.json(document);
  });
}
