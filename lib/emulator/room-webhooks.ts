import type { components } from '../core/rest-api/openapi';
import type { WebhookEvent } from '../core/webhook/events';

type Webhook = components['schemas']['Webhook'];

/** Who registered a room webhook: an installation (through its add-on token) or a user (a personal token). */
export type WebhookOwner = { kind: 'addon'; oauthId: string } | { kind: 'personal'; userId: number };

/**
 * A webhook registered at run time with `POST /v2/room/{id}/webhook` (docs/protocol.md#room-webhooks): the
 * contract's Webhook as the emulator keeps it, its id a number from the host's counter (the REST
 * answers give it as a string), its authentication settled, with its room and owner.
 */
export type RoomWebhook = Pick<Webhook, 'url' | 'event' | 'pattern' | 'name'> & {
  id: number;
  roomId: number;
  authentication: NonNullable<Webhook['authentication']>;
  owner: WebhookOwner;
};

/**
 * The room webhooks of the whole group. Ids come from the host's counter, shared with the descriptors'
 * webhooks, so an envelope's `webhook_id` names one webhook whichever way it was made.
 */
export class RoomWebhooks {
  private readonly webhooks = new Map<number, RoomWebhook>();

  constructor(private readonly nextId: () => number) {}

  add(webhook: Omit<RoomWebhook, 'id'>): RoomWebhook {
    const added = { ...webhook, id: this.nextId() };
    this.webhooks.set(added.id, added);
    return added;
  }

  /** A room's webhooks that this owner registered, oldest first: owners never see each other's. */
  ownedIn(roomId: number, owner: WebhookOwner): RoomWebhook[] {
    return [...this.webhooks.values()].filter((webhook) => webhook.roomId === roomId && sameOwner(webhook.owner, owner));
  }

  /** Every webhook of a room listening to the event, whoever registered it. */
  listening(roomId: number, event: WebhookEvent): RoomWebhook[] {
    return [...this.webhooks.values()].filter((webhook) => webhook.roomId === roomId && webhook.event === event);
  }

  remove(id: number): void {
    this.webhooks.delete(id);
  }

  /** Uninstalling an add-on takes its room webhooks with it. */
  removeInstallation(oauthId: string): void {
    this.removeWhere((webhook) => webhook.owner.kind === 'addon' && webhook.owner.oauthId === oauthId);
  }

  removeRoom(roomId: number): void {
    this.removeWhere((webhook) => webhook.roomId === roomId);
  }

  private removeWhere(test: (webhook: RoomWebhook) => boolean): void {
    for (const webhook of [...this.webhooks.values()]) if (test(webhook)) this.webhooks.delete(webhook.id);
  }
}

function sameOwner(a: WebhookOwner, b: WebhookOwner): boolean {
  return a.kind === 'addon' ? b.kind === 'addon' && a.oauthId === b.oauthId : b.kind === 'personal' && a.userId === b.userId;
}
