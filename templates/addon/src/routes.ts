import express, { type ErrorRequestHandler } from 'express';
import { ConnectError, isConnectError, type Addon } from 'hipchat-connect';
import { greetingOf, lastGreeted, rememberGreeted, setGreeting, SHORT_TEXT } from './greetings';

export const ICON_PATH = '/icon.svg';
const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#3b7fc4"/><path d="M5 9.5q3 3 6 0" stroke="#fff" fill="none"/></svg>';

/**
 * The add-on's own routes, served after its router: the glance's icon, and the API its pages call with
 * their page token. `addon.authenticate()` verifies that token and fills `res.locals.hipchat`, so each
 * route knows the installation, room and user it acts for, and holds a REST client for them.
 */
export function pageApi(addon: Addon): express.Router {
  const router = express.Router();
  const json = express.json({ limit: '1kb' });

  router.get(ICON_PATH, (_req, res) => void res.type('svg').send(ICON_SVG));

  // The sidebar asks: the greeting and who was greeted last in this room.
  router.get('/api/greetings', addon.authenticate(), async (_req, res) => {
    const { installation, roomId } = res.locals.hipchat;
    res.set('cache-control', 'no-store').json({
      greeting: await greetingOf(addon.store, installation.oauthId),
      lastGreeted: (await lastGreeted(addon.store, installation.oauthId, roomId)) ?? null,
    });
  });

  // The dialog greets someone: a notification to the room, then the glance follows.
  router.post('/api/greetings', addon.authenticate(), json, async (req, res) => {
    const viewer = res.locals.hipchat;
    const who = shortText(req.body?.who, 'who');
    if (viewer.roomId === undefined) throw new ConnectError('PAYLOAD_INVALID', 'greetings are sent to a room: open this from one');
    const greeting = await greetingOf(addon.store, viewer.installation.oauthId);
    await viewer.client.rooms.notify(viewer.roomId, { message: `${greeting}, ${who}!`, color: 'green', message_format: 'text' });
    await rememberGreeted(addon.store, { ...viewer, roomId: viewer.roomId }, who, addon.options.logger);
    res.status(204).end();
  });

  // The configuration page stores this installation's greeting. HipChat shows that page to admins only,
  // but a page token does not say which page it was issued to: any page of this installation (the
  // sidebar too) could call this. Where that matters, check the user here, e.g. with
  // client.users.get(userId) and is_group_admin (scope view_group).
  router.put('/api/settings', addon.authenticate(), json, async (req, res) => {
    await setGreeting(addon.store, res.locals.hipchat.installation.oauthId, shortText(req.body?.greeting, 'greeting'));
    res.status(204).end();
  });

  router.use(answerWithJson(addon));
  return router;
}

function shortText(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SHORT_TEXT.test(value.trim())) {
    throw new ConnectError('PAYLOAD_INVALID', `${field} must be one line of 1 to 40 characters`, { details: { field } });
  }
  return value.trim();
}

/**
 * Every failure as the JSON hipchat-connect answers its own (`{error: {code, status, message}}`), which
 * the pages show: refusals with their code, a store that is down as 503, body errors (bad JSON, too
 * large) as 400 and 413. Anything unexpected is logged and answered 500 without its details.
 */
function answerWithJson(addon: Addon): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const known = isConnectError(error) ? error : bodyError(error);
    if (!known) addon.options.logger.error({ err: error }, 'page API failed');
    const answer = known ?? new ConnectError('INTERNAL', 'the add-on failed; see its log');
    res.status(answer.status).json(answer.toJSON());
  };
}

/** express.json()'s errors carry a `type`: the body was not JSON, or too large. */
function bodyError(error: unknown): ConnectError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new ConnectError('BODY_MALFORMED', 'the body is not valid JSON');
  if (type === 'entity.too.large') return new ConnectError('BODY_TOO_LARGE', 'the body is larger than 1 kB');
  return undefined;
}
