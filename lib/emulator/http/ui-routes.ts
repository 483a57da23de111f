import express, { type Request, type Router } from 'express';
import { requireRoom, type Host } from '../host';
import { configurationPageUrl, glanceQueryUrl, openView, viewToken, type Viewing } from '../views';
import { bodyOf, isObject, isRoomKey, isString, isUserKey, optional, required } from './fields';
import { hostRouter } from './router';

/**
 * What the web UI asks of the host besides the test-facing routes: the world to pick a room and a user
 * from, and the signed URLs and tokens only the host can make, since only it holds the secrets.
 */
export function uiRoutes(host: Host): Router {
  const router = hostRouter();
  const json = express.json({ limit: '64kb' });

  router.get('/emulator/world', (_req, res) => {
    res.json({ group: host.world.group, users: host.world.users, rooms: host.world.rooms });
  });

  // The room's history as the web UI draws it: each message with the installation that sent it.
  router.get('/emulator/ui/rooms/:room/messages', (req, res) => {
    const messages = host.histories.room(requireRoom(host, req.params.room).id);
    res.json({ items: messages.map((message) => ({ message, oauthId: host.histories.senderOf(message.id) })) });
  });

  router.post('/emulator/ui/views', json, async (req, res) => {
    const body = bodyOf(req);
    res.json(await openView(host, {
      ...viewing(req), key: required(body.key, 'key', isString),
      urlTemplateValues: optional(body.urlTemplateValues, 'urlTemplateValues', isObject, 'an object'),
      message: optional(body.message, 'message', isObject, 'an object'),
    }));
  });

  router.post('/emulator/ui/glance-queries', json, async (req, res) => {
    res.json({ url: await glanceQueryUrl(host, { ...viewing(req), key: required(bodyOf(req).key, 'key', isString) }) });
  });

  router.post('/emulator/ui/configuration-pages', json, async (req, res) => {
    res.json({ url: await configurationPageUrl(host, viewing(req)) });
  });

  router.post('/emulator/ui/host-tokens', json, (req, res) => {
    res.set('Cache-Control', 'no-store').json({ token: viewToken(host, viewing(req)) });
  });

  return router;
}

function viewing(req: Request): Viewing {
  const body = bodyOf(req);
  return {
    oauthId: required(body.oauthId, 'oauthId', isString),
    user: required(body.user, 'user', isUserKey),
    room: optional(body.room, 'room', isRoomKey),
  };
}
