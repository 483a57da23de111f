/** Milliseconds since the epoch. Injected so tests can move time without waiting for it. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export function epochSeconds(clock: Clock): number {
  return Math.floor(clock() / 1000);
}
