import type { Webhook } from '../core/descriptor';
import { isWebhookEvent, MESSAGE_EVENTS, type WebhookEvent } from '../core/webhook-events';
import { ConnectError } from '../errors';
import { epochSeconds } from './clock';
import { requireInstallation, type Host, type InstalledAddon } from './host';
import type { OAuthClient } from './oauth-clients';
import { callAddon, type AddonAnswer } from './outbound';
import { buildEnvelope, overriddenText, type WebhookEnvelope } from './webhook-envelope';
import { patternMatches } from './webhook-pattern';
import { placeToken, signWebhookToken, type TokenForm } from './webhook-token';
import { findRoom, findUser, type Room, type User } from './world';

export interface WebhookRequest {
  oauthId: string;
  event: string;
  /** Replaces generated item fields; `{message: {message: '/weather Paris'}}` sets the text patterns see. */
  item?: Record<string, unknown>;
  tokenForm?: TokenForm;
  /** Sends to this URL instead of the descriptor's webhooks for the event (no pattern check). */
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
}

const DEFAULT_TEXT = 'Hello from the emulator';

/**
 * Delivers one event to an installation: to every webhook its descriptor declares for the event (for
 * message events, only where the pattern matches the text), signed with the installation's secret.
 * Returns one delivery per webhook, in descriptor order; none when nothing listens.
 */
export async function sendEvent(host: Host, request: WebhookRequest): Promise<WebhookDelivery[]> {
  const { installed, client } = requireInstallation(host, request.oauthId);
  const event = request.event;
  if (!isWebhookEvent(event)) throw new ConnectError('PAYLOAD_INVALID', `Unknown webhook event ${event}`, { details: { event } });
  const room = roomFor(host, installed, request.roomId);
  const sender = senderFor(host, request.user);
  const text = overriddenText(request.item) ?? DEFAULT_TEXT;
  const deliveries: WebhookDelivery[] = [];
  for (const webhook of targets(host, installed, event, text, request.url)) {
    const envelope = buildEnvelope({
      event, webhookId: webhook.id, oauthId: client.oauthId, room, sender, users: host.world.users,
      apiUrl: host.urls.apiUrl, now: host.clock(), text, item: request.item,
    });
    // HipChat's default was `none`; the emulator signs unless a webhook says `none`, because unsigned
    // delivery only serves a test of refusal, and such a test can declare it.
    const { url, headers } = webhook.authentication === 'none'
      ? { url: webhook.url, headers: {} }
      : placeToken(webhook.url, signFor(host, client, sender, room), request.tokenForm ?? 'header');
    const answer = await callAddon(url, { what: 'webhook url', method: 'POST', headers, json: envelope });
    host.log.webhooksSent.push({ oauthId: client.oauthId, url: webhook.url, event, status: answer.status, body: answer.body });
    deliveries.push({ ...answer, url: webhook.url, envelope });
  }
  return deliveries;
}

function signFor(host: Host, client: OAuthClient, sender: User, room: Room): string {
  return signWebhookToken({
    oauthId: client.oauthId, oauthSecret: client.oauthSecret, userId: sender.id, roomId: room.id,
    userTz: sender.timezone, issuedAt: epochSeconds(host.clock),
  });
}

/** The declared webhooks that hear this event; an explicit URL stands for a declaration with id 0. */
function targets(host: Host, installed: InstalledAddon, event: WebhookEvent, text: string, url?: string): Array<Webhook & { id: number }> {
  if (url !== undefined) return [{ url, event, id: 0 }];
  return installed.webhooks.filter((webhook) => webhook.event === event && (!MESSAGE_EVENTS.includes(event) || matches(host, webhook, text)));
}

function matches(host: Host, webhook: Webhook, text: string): boolean {
  try {
    return patternMatches(webhook.pattern, text);
  } catch (error) {
    host.logger.warn({ pattern: webhook.pattern, error }, 'emulator: webhook pattern is not a valid regular expression; treated as no match');
    return false;
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
