import express, { type Router } from 'express';
import { describeInstallation, requireInstallation, requireRoom, type Host, type HostInstallation } from '../host';
import { installAddon, updateAddon } from '../install';
import { uninstallAddon } from '../uninstall';
import { sendWebhook, type WebhookRequest } from '../webhook-sender';
import { TOKEN_FORMS } from '../webhook-token';
import { bodyOf, isInteger, isObject, isRoomKey, isString, oneOf, optional, required } from './fields';
import { hostRouter } from './router';

/**
 * Routes for a person or a test to drive the host over HTTP, kept under `/emulator/` so they never
 * collide with HipChat's own API. HipChat's `GET /addons/install?url=&room=` is served too. Answers
 * leave out the OAuth secret: it belongs to the add-on, which gets it in the install callback.
 */
export function installationRoutes(host: Host): Router {
  const router = hostRouter();
  const json = express.json({ limit: '64kb' });
  const installFrom = async (descriptorUrl: string, room: number | string | undefined) =>
    withoutSecret(await installAddon(host, { descriptorUrl, roomId: room === undefined ? undefined : requireRoom(host, room).id }));

  router.get('/emulator/installations', (_req, res) => {
    const items = [...host.installations.keys()].map((oauthId) => {
      const { installed, client } = requireInstallation(host, oauthId);
      return withoutSecret(describeInstallation(host, installed, client));
    });
    res.json({ items });
  });

  router.post('/emulator/installations', json, async (req, res) => {
    const body = bodyOf(req);
    res.status(201).json(await installFrom(required(body.url, 'url', isString), optional(body.roomId, 'roomId', isRoomKey)));
  });

  router.get('/addons/install', async (req, res) => {
    res.status(201).json(await installFrom(required(req.query.url, 'url', isString), optional(req.query.room, 'room', isString)));
  });

  // The update flow (protocol 4 step 4); a `url` moves the installation to where its descriptor is now.
  router.post('/emulator/installations/:oauthId/update', json, async (req, res) => {
    res.json(withoutSecret(await updateAddon(host, req.params.oauthId, { descriptorUrl: optional(bodyOf(req).url, 'url', isString) })));
  });

  router.delete('/emulator/installations/:oauthId', async (req, res) => {
    const answer = await uninstallAddon(host, req.params.oauthId);
    res.json({ oauthId: req.params.oauthId, addon: answer });
  });

  router.post('/emulator/installations/:oauthId/webhooks', json, async (req, res) => {
    res.json(await sendWebhook(host, webhookRequest(req.params.oauthId, bodyOf(req))));
  });

  return router;
}

function webhookRequest(oauthId: string, body: Record<string, unknown>): WebhookRequest {
  return {
    oauthId,
    event: required(body.event, 'event', isString),
    item: optional(body.item, 'item', isObject),
    tokenForm: optional(body.tokenForm, 'tokenForm', oneOf(TOKEN_FORMS)),
    url: optional(body.url, 'url', isString),
    user: optional(body.user, 'user', isInteger),
    roomId: optional(body.roomId, 'roomId', isInteger),
  };
}

function withoutSecret(installation: HostInstallation): Omit<HostInstallation, 'oauthSecret'> {
  const { oauthSecret: _secret, ...rest } = installation;
  return rest;
}
