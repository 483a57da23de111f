import express, { type Request, type Response } from 'express';
import type { Addon } from '../addon';
import type { HipChatLocals } from '../express/authenticate';
import { ConnectError } from '../errors';
import { createErrorResponder } from '../http/error-response';
import { readJsonBody } from '../http/json-body';
import { CITY_NAME, forecastFor } from './cities';
import { CITY_KEY, forecastGlance, WEATHER_ICON_PATH, WEATHER_ICON_SVG } from './weather';

const BODY_LIMIT = 1024;

/**
 * The demo add-on's own routes, beside its router: the icon, and the API its pages call with their
 * page token (`addon.authenticate()`). `GET /api/forecast?city=` answers the forecast for a city, or the
 * installation's chosen one; `POST /api/city {city}` chooses it and pushes the glance to the room.
 */
export function weatherRoutes(addon: Addon): express.Router {
  const router = express.Router();
  const respondWithError = createErrorResponder(addon.options.logger);
  const route = (handler: (req: Request, res: Response, viewer: HipChatLocals) => Promise<void>) => (req: Request, res: Response) => {
    handler(req, res, res.locals.hipchat as HipChatLocals).catch((error: unknown) => respondWithError(req, res, error));
  };

  router.get(WEATHER_ICON_PATH, (_req, res) => void res.type('svg').send(WEATHER_ICON_SVG));

  router.get('/api/forecast', addon.authenticate(), route(async (req, res, viewer) => {
    const asked = req.query.city === undefined ? undefined : cityName(req.query.city);
    const city = asked ?? (await addon.store.getValue(viewer.installation.oauthId, CITY_KEY)) ?? 'Paris';
    res.set('cache-control', 'no-store').json({ ...forecastFor(city), room: viewer.roomId, user: viewer.userId });
  }));

  router.post('/api/city', addon.authenticate(), route(async (req, res, viewer) => {
    const body = await readJsonBody(req, BODY_LIMIT, addon.options.bodyTimeoutMs);
    const city = cityName((body as { city?: unknown } | null)?.city);
    await addon.store.setValue(viewer.installation.oauthId, CITY_KEY, city);
    const target = viewer.roomId === undefined ? 'group' : { room: viewer.roomId };
    await viewer.client.glances.push(target, [{ key: 'forecast', content: forecastGlance(city) }]);
    res.status(204).end();
  }));

  return router;
}

function cityName(value: unknown): string {
  if (typeof value !== 'string' || !CITY_NAME.test(value)) {
    throw new ConnectError('PAYLOAD_INVALID', 'city must be a name of 1 to 40 letters, spaces, dots, apostrophes or hyphens', { details: { field: 'city' } });
  }
  return value;
}
