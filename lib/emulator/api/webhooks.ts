import type { Response, Router } from 'express';
import { isWebhookEvent, MESSAGE_EVENTS, WEBHOOK_EVENTS, type WebhookEvent } from '../../core/webhook/events';
import { ConnectError } from '../../errors';
import { EmulatorError } from '../emulator-error';
import type { Host } from '../host';
import { bodyOf, isHttpUrl, isString, oneOf, optional, required, text } from '../http/fields';
import { hostRouter } from '../http/router';
import { resolvedLoopbackUrl } from '../loopback';
import type { RoomWebhook, WebhookOwner } from '../room-webhooks';
import { compilePattern } from '../webhook-pattern';
import { access, callerIn, roomIn } from './auth';
import { page } from './collection';
import { createdWebhook, webhookDetails } from './representations';

/**
 * Room webhooks registered at run time (docs/protocol.md#room-webhooks, scope admin_room). Each token sees
 * and deletes only the webhooks its installation (or user) registered. `authentication` defaults to `none`,
 * HipChat's default for API-made webhooks; `jwt` signs with the registering installation's secret, so a
 * personal token, which has no secret, may only register unsigned ones.
 */
export function webhookRoutes(host: Host): Router {
  const router = hostRouter();
  const admin = access(host, { scope: 'admin_room', room: true });

  router.post('/room/:room/webhook', admin, async (req, res) => {
    const body = bodyOf(req);
    const owner = ownerOf(res);
    const event = required(body.event, 'event', isWebhookEvent, `one of ${WEBHOOK_EVENTS.join(', ')}`);
    const authentication = optional(body.authentication, 'authentication', oneOf(['jwt', 'none'] as const), 'jwt or none') ?? 'none';
    if (authentication === 'jwt' && owner.kind !== 'addon') {
      throw new ConnectError('PAYLOAD_INVALID', 'authentication jwt needs an add-on token: the webhook is signed with its installation\'s secret', { details: { field: 'authentication' } });
    }
    const url = await loopbackWebhookUrl(required(body.url, 'url', isHttpUrl, LOOPBACK_URL_RULE));
    const webhook = host.roomWebhooks.add({
      roomId: roomIn(res).id, event, authentication, owner, url,
      pattern: checkedPattern(body.pattern, event),
      name: optional(body.name, 'name', text(1, 100), 'a string of 1 to 100 characters'),
    });
    res.status(201).json(createdWebhook(host, webhook));
  });

  router.get('/room/:room/webhook', admin, (req, res) => {
    const owned = host.roomWebhooks.ownedIn(roomIn(res).id, ownerOf(res));
    res.json(page(host, req, owned.map((webhook) => webhookDetails(host, webhook))));
  });

  router.get('/room/:room/webhook/:webhook', admin, (req, res) => {
    res.json(webhookDetails(host, ownedWebhook(host, res, String(req.params.webhook))));
  });

  router.delete('/room/:room/webhook/:webhook', admin, (req, res) => {
    host.roomWebhooks.remove(ownedWebhook(host, res, String(req.params.webhook)).id);
    res.status(204).end();
  });

  return router;
}

function ownerOf(res: Response): WebhookOwner {
  const { grant } = callerIn(res);
  if (grant.kind === 'addon') return { kind: 'addon', oauthId: grant.oauthId };
  if (grant.kind === 'personal') return { kind: 'personal', userId: grant.userId };
  throw new EmulatorError('ACCESS_FORBIDDEN', 'A room notification token cannot manage webhooks');
}

/** Another owner's webhook is as good as absent: a 404, so ids of others' webhooks reveal nothing. */
function ownedWebhook(host: Host, res: Response, id: string): RoomWebhook {
  const found = host.roomWebhooks.ownedIn(roomIn(res).id, ownerOf(res)).find((webhook) => String(webhook.id) === id);
  if (!found) throw new EmulatorError('RESOURCE_NOT_FOUND', `Webhook ${id} not found in this room`);
  return found;
}

function checkedPattern(pattern: unknown, event: WebhookEvent): string | undefined {
  const given = optional(pattern, 'pattern', isString, 'a regular expression');
  if (given === undefined) return undefined;
  if (!MESSAGE_EVENTS.includes(event)) {
    throw new ConnectError('PAYLOAD_INVALID', `pattern is only for ${MESSAGE_EVENTS.join(' and ')}`, { details: { field: 'pattern' } });
  }
  try {
    compilePattern(given);
  } catch {
    throw new ConnectError('PAYLOAD_INVALID', 'pattern is not a valid regular expression', { details: { field: 'pattern' } });
  }
  return given;
}

const LOOPBACK_URL_RULE = 'an absolute http(s) URL on loopback (the emulator calls nothing else)';

/** A URL on loopback, or on a host name that resolves to loopback only; a PAYLOAD_INVALID naming `url` otherwise. */
async function loopbackWebhookUrl(url: string): Promise<string> {
  try {
    await resolvedLoopbackUrl(url, 'url');
  } catch {
    throw new ConnectError('PAYLOAD_INVALID', `url must be ${LOOPBACK_URL_RULE}`, { details: { field: 'url' } });
  }
  return url;
}
