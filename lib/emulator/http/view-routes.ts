import express, { type Router } from 'express';
import { isConnectError } from '../../errors';
import { requireRoom, requireUser, type Host } from '../host';
import { setLimits } from '../limits';
import { createPersonalToken, createRoomToken } from '../minted-tokens';
import { postMessage } from '../post-message';
import { sendError } from './errors';
import { bodyOf, isObject, isString, isUserKey, optional, required } from './fields';
import { hostRouter } from './router';

/**
 * What happened, and a person's part in it, over HTTP under `/emulator/` (the web UI reads these):
 * room histories and private chats, posting as a user, minting room and personal tokens, pushed
 * glances, the log, and the limits. The same things the `Emulator` object offers to tests.
 */
export function viewRoutes(host: Host): Router {
  const router = hostRouter();
  const json = express.json({ limit: '64kb' });

  router.get('/emulator/rooms/:room/history', (req, res) => {
    res.json({ items: host.histories.room(requireRoom(host, req.params.room).id) });
  });

  router.post('/emulator/rooms/:room/messages', json, async (req, res) => {
    const body = bodyOf(req);
    const conversation = await postMessage(host, {
      room: req.params.room, user: optional(body.user, 'user', isUserKey), message: required(body.message, 'message', isString),
    });
    res.status(201).json(conversation);
  });

  router.get('/emulator/users/:user/messages', (req, res) => {
    res.json({ items: host.histories.privateChat(requireUser(host, req.params.user).id) });
  });

  router.post('/emulator/rooms/:room/tokens', json, (req, res) => {
    res.status(201).json(createRoomToken(host, req.params.room, optional(bodyOf(req).label, 'label', isString)));
  });

  router.post('/emulator/users/:user/tokens', json, (req, res) => {
    const scopes = required(bodyOf(req).scopes, 'scopes', (value): value is string[] => Array.isArray(value) && value.every(isString));
    res.status(201).json(createPersonalToken(host, req.params.user, scopes));
  });

  router.get('/emulator/glances', (_req, res) => {
    res.json({ items: host.glances.all() });
  });

  router.get('/emulator/log', (_req, res) => {
    res.json(host.log);
  });

  router.get('/emulator/limits', (_req, res) => {
    res.json(currentLimits(host));
  });

  router.put('/emulator/limits', json, (req, res) => {
    const body = bodyOf(req);
    try {
      setLimits(host, { rateLimit: optional(body.rateLimit, 'rateLimit', isObject), floodControl: optional(body.floodControl, 'floodControl', isObject) });
    } catch (error) {
      // A wrong limit is the request's mistake here, not a start-up one: a 400 naming it.
      if (!isConnectError(error, 'OPTION_INVALID')) throw error;
      return sendError(res, 400, error.message, { field: String(error.details?.option) });
    }
    res.json(currentLimits(host));
  });

  return router;
}

function currentLimits(host: Host) {
  return { rateLimit: host.rateLimits.current, floodControl: host.floodControl.current };
}
