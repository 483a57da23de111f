import { createTokenClient, type Card, type HipChatClient, type NotificationColor, type RoomIdOrName } from 'hipchat-connect';

/** Where notifications go, and with what token: read from the environment, so no secret is in the code. */
export interface NotifierSettings {
  /** A room notification token (the room's Integrations page) or a personal access token. */
  token: string;
  room: RoomIdOrName;
  /** The REST API, default HipChat Cloud's; a HipChat Server's, or the emulator's in development. */
  apiUrl?: string;
}

/** `HIPCHAT_TOKEN`, `HIPCHAT_ROOM` (an id or a name) and `HIPCHAT_API_URL`; throws naming what is missing. */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): NotifierSettings {
  const missing = ['HIPCHAT_TOKEN', 'HIPCHAT_ROOM'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`Set ${missing.join(' and ')} (and HIPCHAT_API_URL for a server other than HipChat Cloud).`);
  const room = env.HIPCHAT_ROOM as string;
  return { token: env.HIPCHAT_TOKEN as string, room: /^\d+$/.test(room) ? Number(room) : room, apiUrl: env.HIPCHAT_API_URL || undefined };
}

/** What a release announcement says. */
export interface Release {
  service: string;
  version: string;
  /** Where to read about it: the card's link. */
  url?: string;
}

/** Posts to one room with one token: plain notifications and cards. */
export class Notifier {
  private readonly client: HipChatClient;

  constructor(private readonly settings: NotifierSettings) {
    this.client = createTokenClient({ token: settings.token, apiUrl: settings.apiUrl });
  }

  /** A line of text in the room; `notify` alerts its users. */
  async say(message: string, color: NotificationColor = 'gray', notify = false): Promise<void> {
    await this.client.rooms.notify(this.settings.room, { message, color, notify, message_format: 'text' });
  }

  /**
   * A card for a release; clients without cards show the text hipchat-connect makes from it. The id
   * is the service and version, so announcing the same release again updates its card.
   */
  async announce(release: Release): Promise<void> {
    const card: Card = {
      style: 'application',
      id: `release-${release.service}-${release.version}`,
      title: `${release.service} ${release.version} released`,
      ...(release.url === undefined ? {} : { url: release.url }),
      description: { value: `Version ${release.version} of ${release.service} is out.`, format: 'text' },
      attributes: [
        { label: 'Service', value: { label: release.service } },
        { label: 'Version', value: { label: release.version, style: 'lozenge-success' } },
      ],
    };
    await this.client.rooms.notify(this.settings.room, { card, color: 'green' });
  }
}
