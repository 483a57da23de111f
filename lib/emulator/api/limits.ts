import type { Response } from 'express';
import { EmulatorError } from '../emulator-error';
import type { Host } from '../host';
import type { WindowState } from '../limits';

/** `X-Ratelimit-*` or `X-FloodControl-*`, and `Retry-After` on a refusal so a client knows how long to wait. */
export function setLimitHeaders(res: Response, prefix: 'X-Ratelimit' | 'X-FloodControl', window: WindowState): void {
  res.set({ [`${prefix}-Limit`]: String(window.limit), [`${prefix}-Remaining`]: String(window.remaining), [`${prefix}-Reset`]: String(window.reset) });
  if (!window.allowed) res.set('Retry-After', String(window.secondsToReset));
}

/** Counts one message or notification against the room's or user's flood control; throws when it is over. */
export function checkFlood(host: Host, res: Response, key: { room: number } | { user: number }): void {
  const window = host.floodControl.take('room' in key ? `room:${key.room}` : `user:${key.user}`);
  setLimitHeaders(res, 'X-FloodControl', window);
  if (!window.allowed) throw new EmulatorError('FLOOD_CONTROLLED', `Flood control: at most ${window.limit} messages per window; it resets at ${window.reset}`);
}
