import type { Response, Router } from 'express';
import type { operations } from '../../core/rest-api/openapi';
import { ConnectError } from '../../errors';
import { EmulatorError } from '../emulator-error';
import { stampMessage, type NewMessage } from '../history';
import type { Host } from '../host';
import { bodyOf, isBoolean, isHttpUrl, isString, oneOf, optional, required, text } from '../http/fields';
import { announce, notificationFields, record } from '../message-bus';
import { parseNotification } from '../notification';
import { findUserByKey, userReference } from '../world';
import { access, actingUser, callerIn, roomIn, type Caller } from './auth';
import { checkFlood } from './limits';
import { hostRouter } from '../http/router';

const MESSAGE = text(1, 10_000);
const MESSAGE_RULE = 'a string of 1 to 10000 characters';

/**
 * Saying things (docs/protocol.md#api-calls): notifications, messages, replies, shared links and private
 * messages. Each counts against flood control, lands in a history at once, and tells the room's
 * listeners in the background: the API answers without waiting for add-ons, as HipChat did.
 */
type SentMessage = operations['sendRoomMessage']['responses'][201]['content']['application/json'];

export function messageRoutes(host: Host): Router {
  const router = hostRouter();
  const inRoom = (scope: string) => access(host, { scope, room: true });

  router.post('/room/:room/notification', inRoom('send_notification'), (req, res) => {
    const notification = parseNotification(bodyOf(req));
    say(host, res, notificationFields(notification, callerIn(res).name));
    res.status(204).end();
  });

  router.post('/room/:room/message', inRoom('send_message'), (req, res) => {
    const message = required(bodyOf(req).message, 'message', MESSAGE, MESSAGE_RULE);
    const said = say(host, res, messageFields(host, callerIn(res), message));
    res.status(201).json({ id: said.id, timestamp: said.date } satisfies SentMessage);
  });

  router.post('/room/:room/reply', inRoom('send_message'), (req, res) => {
    const body = bodyOf(req);
    const parentMessageId = required(body.parentMessageId, 'parentMessageId', isString, 'the id of a message in this room');
    const message = required(body.message, 'message', MESSAGE, MESSAGE_RULE);
    if (!host.histories.room(roomIn(res).id).some((said) => said.id === parentMessageId)) {
      throw new ConnectError('PAYLOAD_INVALID', `No message ${parentMessageId} in this room`, { details: { field: 'parentMessageId' } });
    }
    say(host, res, { ...messageFields(host, callerIn(res), message), parentMessageId });
    res.status(204).end();
  });

  router.post('/room/:room/share/link', inRoom('send_message'), (req, res) => {
    const body = bodyOf(req);
    const link = required(body.link, 'link', isHttpUrl, 'an absolute http(s) URL');
    const message = optional(body.message, 'message', text(0, 10_000), 'a string of at most 10000 characters');
    say(host, res, { ...messageFields(host, callerIn(res), message || link), message_links: [{ type: 'link', url: link }] });
    res.status(204).end();
  });

  router.post('/user/:user/message', access(host, { scope: 'send_message' }), (req, res) => {
    const body = bodyOf(req);
    const user = findUserByKey(host.world, String(req.params.user));
    if (!user) throw new EmulatorError('RESOURCE_NOT_FOUND', `User ${String(req.params.user)} not found`);
    const fields: NewMessage = {
      ...messageFields(host, callerIn(res), required(body.message, 'message', MESSAGE, MESSAGE_RULE)),
      notify: optional(body.notify, 'notify', isBoolean, 'true or false') ?? false,
      message_format: optional(body.message_format, 'message_format', oneOf(['html', 'text'] as const), 'html or text') ?? 'html',
    };
    checkFlood(host, res, { user: user.id });
    host.histories.appendToChat(user.id, stampMessage(fields, host.clock(), host.world.users, host.urls.apiUrl));
    res.status(204).end();
  });

  return router;
}

/** Flood control, then the history, then the listeners in the background. */
function say(host: Host, res: Response, fields: NewMessage) {
  const room = roomIn(res);
  checkFlood(host, res, { room: room.id });
  const message = record(host, room, fields, callerIn(res).installation?.oauthId);
  const actor = actingUser(host, callerIn(res), room);
  host.pending.start(`announce ${message.type} in room ${room.id}`, () => announce(host, room, message, actor));
  return message;
}

/** A message comes from the token's user, or from the integration's name when no user stands behind it. */
function messageFields(host: Host, caller: Caller, message: string): NewMessage {
  const from = caller.user ? userReference(caller.user, host.urls.apiUrl) : caller.name;
  return { type: 'message', from, message, message_format: 'text' };
}
