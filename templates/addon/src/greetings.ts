import type { GlanceData, Installation, InstallationClient, Logger, Store } from 'hipchat-connect';
import { escapeHtml } from './html';

/**
 * What the add-on remembers, per installation, in the add-on's store: the greeting its configuration
 * page sets, and who was greeted last in each room, which the glance shows.
 */
const GREETING = 'greeting';
const lastGreetedKey = (roomId: number) => `last-greeted:${roomId}`;

export const DEFAULT_GREETING = 'Hello';
export const GLANCE_KEY = 'greetings';

/** A greeting or a name: one line of up to 40 characters, so it fits a notification and the glance. */
export const SHORT_TEXT = /^[^\r\n]{1,40}$/;

export async function greetingOf(store: Store, oauthId: string): Promise<string> {
  return (await store.getValue(oauthId, GREETING)) ?? DEFAULT_GREETING;
}

export async function setGreeting(store: Store, oauthId: string, greeting: string): Promise<void> {
  await store.setValue(oauthId, GREETING, greeting);
}

export async function lastGreeted(store: Store, oauthId: string, roomId: number | undefined): Promise<string | undefined> {
  return roomId === undefined ? undefined : store.getValue(oauthId, lastGreetedKey(roomId));
}

export async function recordGreeted(store: Store, oauthId: string, roomId: number, who: string): Promise<void> {
  await store.setValue(oauthId, lastGreetedKey(roomId), who);
}

/** The glance's content: the same whether the host queries it or the add-on pushes it. */
export function greetingsGlance(who: string | undefined): GlanceData {
  return who === undefined
    ? { label: { type: 'html', value: 'Nobody greeted yet' } }
    : { label: { type: 'html', value: `Greeted <b>${escapeHtml(who)}</b>` }, status: { type: 'lozenge', value: { label: 'new', type: 'success' } } };
}

/** Who greets whom, and where: a webhook's context and a page's viewer both have these. */
export interface Greeting {
  installation: Installation;
  roomId: number;
  client: InstallationClient;
}

/**
 * Remembers who was greeted in the room and pushes the glance, so everyone's sidebar shows it at once.
 * A push that fails (the host busy, the `view_room` scope removed) is logged, not thrown: the greeting
 * itself has been said either way, and the next glance query shows the truth.
 */
export async function rememberGreeted(store: Store, { installation, roomId, client }: Greeting, who: string, logger: Logger): Promise<void> {
  await recordGreeted(store, installation.oauthId, roomId, who);
  try {
    await client.glances.push({ room: roomId }, [{ key: GLANCE_KEY, content: greetingsGlance(who) }]);
  } catch (error) {
    logger.warn({ err: error, roomId }, 'could not push the greetings glance');
  }
}
