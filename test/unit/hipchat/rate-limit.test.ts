import { resumeAt } from '../../../lib/hipchat/rate-limit';

const NOW = Date.UTC(2024, 0, 1, 12, 0, 0);
const headers = (values: Record<string, string>) => new Headers(values);

describe('resumeAt', () => {
  it('reads X-Ratelimit-Reset and X-FloodControl-Reset as unix seconds', () => {
    expect(resumeAt(headers({ 'X-Ratelimit-Reset': String(NOW / 1000 + 30) }), NOW)).toBe(NOW + 30_000);
    expect(resumeAt(headers({ 'X-FloodControl-Reset': String(NOW / 1000 + 5) }), NOW)).toBe(NOW + 5000);
  });

  it('reads a reset too small to be a unix time as seconds from now', () => {
    expect(resumeAt(headers({ 'X-FloodControl-Reset': '12' }), NOW)).toBe(NOW + 12_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(resumeAt(headers({ 'Retry-After': '3' }), NOW)).toBe(NOW + 3000);
    expect(resumeAt(headers({ 'Retry-After': new Date(NOW + 7000).toUTCString() }), NOW)).toBe(NOW + 7000);
  });

  it('takes the latest when several limits speak', () => {
    const given = { 'Retry-After': '2', 'X-Ratelimit-Reset': String(NOW / 1000 + 10), 'X-FloodControl-Reset': String(NOW / 1000 + 4) };
    expect(resumeAt(headers(given), NOW)).toBe(NOW + 10_000);
  });

  it('waits only for the limits that are used up: a flood-control 429 comes with a rate limit that is not', () => {
    const floodControlled = {
      'Retry-After': '1', 'X-FloodControl-Remaining': '0', 'X-FloodControl-Reset': String(NOW / 1000 + 1),
      'X-Ratelimit-Remaining': '497', 'X-Ratelimit-Reset': String(NOW / 1000 + 300),
    };
    expect(resumeAt(headers(floodControlled), NOW)).toBe(NOW + 1000);
    expect(resumeAt(headers({ ...floodControlled, 'X-Ratelimit-Remaining': '0' }), NOW)).toBe(NOW + 300_000);
  });

  it('is undefined when the host said nothing usable', () => {
    expect(resumeAt(headers({}), NOW)).toBeUndefined();
    expect(resumeAt(headers({ 'Retry-After': 'soon', 'X-Ratelimit-Reset': '-5', 'X-FloodControl-Reset': '1e3' }), NOW)).toBeUndefined();
  });
});
