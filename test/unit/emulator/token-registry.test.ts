import { resolveRequestedScopes } from '../../../lib/emulator/scopes';
import { DEFAULT_TOKEN_TTL_SECONDS, TokenRegistry } from '../../../lib/emulator/token-registry';

function registryAt(start: number, ttlSeconds?: number) {
  let now = start;
  const registry = new TokenRegistry(() => now, ttlSeconds);
  return { registry, advance: (ms: number) => { now += ms; } };
}

const grant = { oauthId: 'client-1', scopes: ['send_notification'], groupId: 1, roomId: 7 };

describe('TokenRegistry', () => {
  it('binds a token to its client, scopes, group and room, with an 8-hour default lifetime', () => {
    const { registry } = registryAt(1_000_000);
    const issued = registry.issue(grant);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(registry.lookup(issued.token)).toEqual({ ...grant, kind: 'addon', token: issued.token, expiresAt: 1_000_000 + DEFAULT_TOKEN_TTL_SECONDS * 1000 });
    expect(registry.secondsLeft(issued)).toBe(28_800);
  });

  it('issues a different token every time', () => {
    const { registry } = registryAt(0);
    expect(registry.issue(grant).token).not.toBe(registry.issue(grant).token);
  });

  it('rejects a token once the injected clock passes its expiry, and not a millisecond before', () => {
    const { registry, advance } = registryAt(0, 60);
    const { token } = registry.issue(grant);
    advance(59_999);
    expect(registry.lookup(token)).toBeDefined();
    expect(registry.secondsLeft(registry.lookup(token)!)).toBe(1);
    advance(1);
    expect(registry.lookup(token)).toBeUndefined();
  });

  it('forgets revoked tokens and every token of a removed client', () => {
    const { registry } = registryAt(0);
    const first = registry.issue(grant);
    const second = registry.issue(grant);
    const other = registry.issue({ ...grant, oauthId: 'client-2' });
    expect(registry.revoke(first.token)).toBe(true);
    expect(registry.revoke(first.token)).toBe(false);
    registry.revokeClient('client-1');
    expect(registry.lookup(second.token)).toBeUndefined();
    expect(registry.lookup(other.token)).toBeDefined();
  });

  it('keeps room and personal tokens until they are revoked, or their room is deleted', () => {
    const { registry, advance } = registryAt(0, 60);
    const room = registry.issueRoomToken({ roomId: 7, label: 'Builds', scopes: ['send_notification', 'view_room'], groupId: 1 });
    const personal = registry.issuePersonalToken({ userId: 2, scopes: ['view_group'], groupId: 1 });
    advance(365 * 24 * 3600 * 1000);
    expect(registry.lookup(room.token)).toMatchObject({ kind: 'room', roomId: 7, label: 'Builds' });
    expect(registry.secondsLeft(personal)).toBeUndefined();
    registry.revokeClient('client-1');
    registry.revokeRoom(7);
    expect(registry.lookup(room.token)).toBeUndefined();
    expect(registry.lookup(personal.token)).toMatchObject({ kind: 'personal', userId: 2 });
  });

  it('does not know a token it never issued', () => {
    expect(registryAt(0).registry.lookup('made-up')).toBeUndefined();
  });
});

describe('resolveRequestedScopes', () => {
  const declared = ['send_notification', 'view_room'];

  it('grants a subset of the declared scopes', () => {
    expect(resolveRequestedScopes('view_room', declared)).toEqual({ ok: true, scopes: ['view_room'] });
    expect(resolveRequestedScopes('view_room  send_notification view_room', declared)).toEqual({ ok: true, scopes: ['view_room', 'send_notification'] });
  });

  it('grants every declared scope when none is asked for', () => {
    expect(resolveRequestedScopes(undefined, declared)).toEqual({ ok: true, scopes: declared });
    expect(resolveRequestedScopes(' ', declared)).toEqual({ ok: true, scopes: declared });
  });

  it('refuses scopes the descriptor does not declare, naming them', () => {
    expect(resolveRequestedScopes('view_room admin_group import_data', declared)).toEqual({ ok: false, refused: ['admin_group', 'import_data'] });
  });
});
