import { createAddon, type Addon, type AddonOptions } from 'hipchat-connect';
import { GLANCE_KEY, greetingOf, greetingsGlance, lastGreeted, rememberGreeted } from './greetings';
import { IDENTITY } from './identity';
import { configurationPage, greetDialogPage, sidebarPage } from './pages';
import { ICON_PATH } from './routes';

/**
 * The add-on: who it is (src/identity.ts: the descriptor's key, name and scopes) and every module it
 * offers, each beside its handler. `options` are for tests and src/index.ts: a store, a logger, development mode.
 *
 * - `/hello [name]` in a room answers with this installation's greeting;
 * - the "Greetings" glance says who was greeted last in the room, pushed to the room after each greeting;
 * - its sidebar asks the add-on for the same with its page token, and opens a dialog to greet someone;
 * - the configuration page sets the greeting, stored per installation.
 */
export function buildAddon(options: Partial<AddonOptions> = {}): Addon {
  const addon = createAddon({ ...IDENTITY, ...options });

  addon.webhook('room_message', { key: 'hello', pattern: /^\/hello(?:\s+(?<who>\S.*))?$/i, name: 'Hello command' }, async (ctx) => {
    const who = ctx.match.groups.who?.trim().slice(0, 40) || ctx.sender.name;
    const greeting = await greetingOf(addon.store, ctx.installation.oauthId);
    await rememberGreeted(addon.store, ctx, who, ctx.logger);
    return { message: `${greeting}, ${who}!`, color: 'green', message_format: 'text' }; // posted to the room
  });

  addon.glance(GLANCE_KEY, { name: 'Greetings', icon: ICON_PATH, target: 'greetings-sidebar' }, async ({ installation, roomId }) =>
    greetingsGlance(await lastGreeted(addon.store, installation.oauthId, roomId)));

  addon.webPanel('greetings-sidebar', { name: 'Greetings', icon: ICON_PATH }, (_req, res) => {
    res.type('html').send(sidebarPage(res.locals.hipchat));
  });

  addon.dialog('send-greeting', {
    title: 'Greet someone',
    options: { size: 'small', primaryAction: { name: 'Send', key: 'send', enabled: false }, secondaryActions: [{ name: 'Cancel', key: 'cancel' }] },
  }, (_req, res) => void res.type('html').send(greetDialogPage(res.locals.hipchat)));

  addon.configurable({}, async (_req, res) => {
    const greeting = await greetingOf(addon.store, res.locals.hipchat.installation.oauthId);
    res.type('html').send(configurationPage(res.locals.hipchat, greeting));
  });

  return addon;
}
