/**
 * When a host that answered 429 (or 503) will take requests again, from whichever of its headers it
 * sent: `Retry-After` (seconds or an HTTP date), `X-Ratelimit-Reset` (the token's 500 per 5 minutes) and
 * `X-FloodControl-Reset` (30 messages a minute per room). A limit whose own `-Remaining` header says
 * requests are left is not what refused the call: HipChat sends `X-Ratelimit-*` on every answer, so a
 * flood-control 429 carries a rate-limit reset minutes away that there is no need to wait for. Of the
 * rest, the latest wins, since every limit they speak of must have reset. Undefined when the host did
 * not say.
 *
 * The reset headers are unix seconds (docs/protocol.md#rate-limits-and-flood-control); a value too small to
 * be one (before 2001) is read as seconds from now, which is how some proxies and the flood-control docs of
 * other hosts use the same header names.
 */
export function resumeAt(headers: Headers, now: number): number | undefined {
  const times = [
    retryAfter(headers.get('retry-after'), now),
    exhaustedReset(headers, 'x-ratelimit', now),
    exhaustedReset(headers, 'x-floodcontrol', now),
  ].filter((time): time is number => time !== undefined);
  return times.length === 0 ? undefined : Math.max(...times);
}

const UNIX_SECONDS_FLOOR = 1e9;

/** The limit's reset, unless its `-Remaining` says it is not used up; without a `-Remaining`, it may be. */
function exhaustedReset(headers: Headers, prefix: string, now: number): number | undefined {
  const remaining = numeric(headers.get(`${prefix}-remaining`));
  if (remaining !== undefined && remaining > 0) return undefined;
  const seconds = numeric(headers.get(`${prefix}-reset`));
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
