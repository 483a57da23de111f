import { paginate, type PageOptions, type Paginated } from '../pagination';
import type { Requester } from '../requester';
import type { CreatedWebhook, RoomIdOrName, RoomWebhook, RoomWebhookRequest } from '../types';

/**
 * `client.rooms.webhooks`: webhooks registered on one room at run time (docs/protocol.md#room-webhooks;
 * scope admin_room), beside the ones the descriptor declares.
 */
export class RoomWebhooks {
  constructor(private readonly api: Requester) {}

  create(room: RoomIdOrName, webhook: RoomWebhookRequest): Promise<CreatedWebhook> {
    return this.api.request('POST /room/{room}/webhook', { path: { room }, body: webhook });
  }

  list(room: RoomIdOrName, options: PageOptions = {}): Paginated<RoomWebhook> {
    return paginate((page) => this.api.request('GET /room/{room}/webhook', { path: { room }, query: page }), options);
  }

  get(room: RoomIdOrName, id: string | number): Promise<RoomWebhook> {
    return this.api.request('GET /room/{room}/webhook/{id}', { path: { room, id } });
  }

  delete(room: RoomIdOrName, id: string | number): Promise<void> {
    return this.api.request('DELETE /room/{room}/webhook/{id}', { path: { room, id } });
  }
}
