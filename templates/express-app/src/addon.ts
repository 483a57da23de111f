import { createAddon, type Addon, type AddonOptions } from 'hipchat-connect';
import { IDENTITY } from './identity';

/**
 * The add-on part of the app: who it is (src/identity.ts: the descriptor's key, name and scopes) and
 * its one slash command. `options` are for tests and src/index.ts: a store, a logger, development mode.
 */
export function buildAddon(options: Partial<AddonOptions> = {}): Addon {
  const addon = createAddon({ ...IDENTITY, ...options });

  // `/status` in a room: the app's answer, posted to the room.
  addon.webhook('room_message', { key: 'status', pattern: /^\/status\b/i, name: 'Status command' }, (ctx) => ({
    message: `All systems go, @${ctx.sender.mention_name}.`,
    color: 'green',
    message_format: 'text',
  }));

  return addon;
}
