import type { Router } from 'express';
import type { FeedEvent } from '../feed';
import type { Host } from '../host';
import { hostRouter } from './router';

/** Often enough that no proxy or browser gives up on a quiet stream. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /emulator/events`: the host's feed as server-sent events, one `event: <type>` per change, for
 * the web UI to redraw live. A browser reconnects by itself after a second; the stream ends when the
 * emulator closes.
 */
export function eventStream(host: Host): Router {
  return hostRouter().get('/emulator/events', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    res.write('retry: 1000\n\n');
    const send = (event: FeedEvent) => void res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
    const unsubscribe = host.feed.subscribe(send, () => res.end());
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
