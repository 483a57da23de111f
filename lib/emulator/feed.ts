import type { GlanceState } from './glances';
import type { HistoryMessage } from './history';

/**
 * What changed, as the web UI hears it live: a message said in a room (with the oauthId of the
 * installation that sent it, if an add-on did), a glance pushed, the installations or the rooms changed. Only what a browser needs to redraw; everything else stays in
 * the log.
 */
export type FeedEvent =
  | { type: 'message'; roomId: number; message: HistoryMessage; oauthId?: string }
  | { type: 'glance'; glance: GlanceState }
  | { type: 'installations' }
  | { type: 'rooms' };

type FeedListener = (event: FeedEvent) => void;

/**
 * A fan-out of FeedEvents to whoever listens (the UI's event streams). Publishing never waits and
 * never fails: a listener that throws is dropped, so a broken stream cannot break the host.
 */
export class Feed {
  private readonly subscriptions = new Set<{ listener: FeedListener; onClose: () => void }>();

  /** Listens until the returned function is called, or until the feed closes (then `onClose` runs). */
  subscribe(listener: FeedListener, onClose: () => void = () => {}): () => void {
    const subscription = { listener, onClose };
    this.subscriptions.add(subscription);
    return () => void this.subscriptions.delete(subscription);
  }

  publish(event: FeedEvent): void {
    for (const subscription of this.subscriptions) {
      try {
        subscription.listener(event);
      } catch {
        this.subscriptions.delete(subscription);
      }
    }
  }

  /** Ends every subscription: open event streams would otherwise keep the server from closing. */
  close(): void {
    const ending = [...this.subscriptions];
    this.subscriptions.clear();
    for (const subscription of ending) subscription.onClose();
  }

  get size(): number {
    return this.subscriptions.size;
  }
}
