import { isWebhookEvent, MESSAGE_EVENTS } from '../core/webhook/events';
import { ConnectError, isConnectError } from '../errors';
import { requireInstallation, type Host, type InstalledAddon } from './host';
import { hostToken } from './host-token';
import { addonName, declaredTargets, matches, type WebhookTarget } from './listeners';
import type { WebhookSent } from './log';
import { callAddon, type AddonAnswer } from './outbound';
import { buildEnvelope, overriddenText, type WebhookEnvelope } from './webhook-envelope';
import { placeToken, type TokenForm } from './webhook-token';
import { findRoom, findUser, type Room, type User } from './world';

export interface WebhookRequest {
  oauthId: string;
  event: string;
  /** Replaces generated item fields; `{message: {message: '/weather Paris'}}` sets the text patterns see. */
  item?: Record<string, unknown>;
  tokenForm?: TokenForm;
  /** Sends to this URL, signed, instead of the descriptor's webhooks for the event (no pattern check). */
  url?: string;
  /** The acting user's id; the first user by default. */
  user?: number;
  /** For group installations: the room the event happens in; the first room by default. */
  roomId?: number;
}

export interface WebhookDelivery extends AddonAnswer {
  /** The webhook's URL as declared, without a `signed_request` the token form may have added. */
  url: string;
  envelope: WebhookEnvelope;
  /** Why no answer came (HOST_UNREACHABLE); `status` is then 0. */
  error?: ConnectError;
}

const DEFAULT_TEXT = 'Hello from the emulator';

/**
 * Delivers one event to an installation: to every webhook its descriptor declares for the event (for
 * message events, only where the pattern matches the text), signed with the installation's secret.
 * Returns one delivery per webhook, in descriptor order; none when nothing listens.
 */
async function sendEvent(host: Host, request: WebhookRequest): Promise<WebhookDelivery[]> {
  const { installed, client } = requireInstallation(host, request.oauthId);
  const event = request.event;
  if (!isWebhookEvent(event)) throw new ConnectError('PAYLOAD_INVALID', `Unknown webhook event ${event}`, { details: { event } });
  const room = roomFor(host, installed, request.roomId);
  const sender = senderFor(host, request.user);
  const text = overriddenText(request.item) ?? DEFAULT_TEXT;
  const targets: WebhookTarget[] = request.url === undefined
    ? declaredTargets(host, installed, event).filter((target) => !MESSAGE_EVENTS.includes(event) || matches(host, target.pattern, text))
    : [{ id: 0, url: request.url, event, authentication: 'jwt', client, replyFrom: addonName(installed), source: 'descriptor' }];
  const deliveries: WebhookDelivery[] = [];
  for (const target of targets) {
    const delivery = await deliver(host, { target, room, sender, text, item: request.item, tokenForm: request.tokenForm });
    if (delivery.error) throw delivery.error;
    deliveries.push(delivery);
  }
  return deliveries;
}

interface DeliveryInput {
  target: WebhookTarget;
  room: Room;
  /** The acting user: the message's sender, the `sub` of the token. */
  sender: User;
  text: string;
  /** Fields that replace the generated ones of the envelope's item. */
  item?: Record<string, unknown>;
  tokenForm?: TokenForm;
}

/**
 * POSTs one envelope and records the answer in the log. An add-on that cannot be reached is an answer
 * too (status 0, with the error), so one dead webhook never stops the others of the same event.
 */
export async function deliver(host: Host, input: DeliveryInput): Promise<WebhookDelivery> {
  const { target, room, sender, text } = input;
  const envelope = buildEnvelope({
    event: target.event, webhookId: target.id, oauthId: target.client?.oauthId, room, sender, users: host.world.users,
    apiUrl: host.urls.apiUrl, now: host.clock(), text, item: input.item,
  });
  // HipChat's default was `none`: a webhook is signed only when it declares `jwt`, so an add-on written
  // elsewhere sees what HipChat sent it (docs/protocol.md#webhook-authentication). hipchat-connect declares
  // `jwt` on all of its own.
  const { url, headers } = target.authentication === 'jwt' && target.client
    ? placeToken(target.url, hostToken(host, target.client, sender, room), input.tokenForm ?? 'header')
    : { url: target.url, headers: {} };
  const entry: WebhookSent = { oauthId: target.client?.oauthId, url: target.url, event: target.event, webhookId: target.id, roomId: room.id, status: 0, body: undefined };
  host.log.webhooksSent.push(entry);
  const started = Date.now();
  const said = { event: target.event, url: target.url, oauthId: entry.oauthId };
  try {
    const answer = await callAddon(url, { what: 'webhook url', method: 'POST', headers, json: envelope });
    Object.assign(entry, { status: answer.status, body: answer.body });
    host.logger.info({ ...said, status: answer.status, ms: Date.now() - started }, 'emulator: webhook sent');
    return { ...answer, url: target.url, envelope };
  } catch (error) {
    if (!isConnectError(error)) throw error;
    entry.error = error.code;
    host.logger.warn({ ...said, error: error.code, ms: Date.now() - started }, 'emulator: webhook not delivered');
    return { status: 0, headers: {}, body: undefined, url: target.url, envelope, error };
  }
}

function roomFor(host: Host, installed: InstalledAddon, roomId: number | undefined): Room {
  if (installed.roomId !== undefined && roomId !== undefined && roomId !== installed.roomId) {
    throw new ConnectError('PAYLOAD_INVALID', `Installation ${installed.oauthId} is installed in room ${installed.roomId} only`);
  }
  const wanted = roomId ?? installed.roomId;
  const room = wanted === undefined ? host.world.rooms[0] : findRoom(host.world, wanted);
  if (!room) throw new ConnectError('PAYLOAD_INVALID', `The emulator has no room ${String(wanted)}`, { details: { room: wanted } });
  return room;
}

function senderFor(host: Host, userId: number | undefined): User {
  const user = userId === undefined ? host.world.users[0] : findUser(host.world, userId);
  if (!user) throw new ConnectError('PAYLOAD_INVALID', `The emulator has no user ${String(userId)}`, { details: { user: userId } });
  return user;
}

/**
 * The test-facing form of sendEvent: the answer of the webhook that heard the event (the first, should
 * several declare it; all are in the log), or an error saying that none did.
 */
export async function sendWebhook(host: Host, request: WebhookRequest): Promise<WebhookDelivery> {
  const [first] = await sendEvent(host, request);
  if (!first) {
    const text = overriddenText(request.item);
    const matching = text === undefined ? '' : ` matching "${text}"`;
    throw new ConnectError('ROUTE_NOT_FOUND', `Installation ${request.oauthId} has no ${request.event} webhook${matching}`, { details: { event: request.event } });
  }
  return first;
}
