/**
 * When a host that answered 429 (or 503) will take requests again, from whichever of its headers it
 * sent: `Retry-After` (seconds or an HTTP date), `X-Ratelimit-Reset` (the token's 500 per 5 minutes) and
 * `X-FloodControl-Reset` (30 messages a minute per room). When several are present the latest wins, since
 * every limit they speak of must have reset. Undefined when the host did not say.
 *
 * The reset headers are unix seconds (protocol section 11); a value too small to be one (before 2001)
 * is read as seconds from now, which is how some proxies and the flood-control docs of other hosts use
 * the same header names.
 */
export function resumeAt(headers: Headers, now: number): number | undefined {
  const times = [
    retryAfter(headers.get('retry-after'), now),
    reset(headers.get('x-ratelimit-reset'), now),
    reset(headers.get('x-floodcontrol-reset'), now),
  ].filter((time): time is number => time !== undefined);
  return times.length === 0 ? undefined : Math.max(...times);
}

const UNIX_SECONDS_FLOOR = 1e9;

function reset(value: string | null, now: number): number | undefined {
  const seconds = numeric(value);
  if (seconds === undefined) return undefined;
  return seconds >= UNIX_SECONDS_FLOOR ? seconds * 1000 : now + seconds * 1000;
}

function retryAfter(value: string | null, now: number): number | undefined {
  const seconds = numeric(value);
  if (seconds !== undefined) return now + seconds * 1000;
  const date = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}

function numeric(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
