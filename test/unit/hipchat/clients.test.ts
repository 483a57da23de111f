import { createInstallationClient, createTokenClient, MemoryStore, silentLogger } from 'hipchat-connect';
import { fakeInstallation } from 'hipchat-connect/testing';

const store = new MemoryStore();
const optionError = (option: string) => expect.objectContaining({ code: 'OPTION_INVALID', details: { option } });

describe('createTokenClient', () => {
  it.each<[object, string]>([
    [{}, 'token'],
    [{ token: ' ' }, 'token'],
    [{ token: 't', apiUrl: 'api.hipchat.com/v2' }, 'apiUrl'],
    [{ token: 't', apiUrl: 'ftp://h/v2' }, 'apiUrl'],
    [{ token: 't', timeoutMs: 0 }, 'timeoutMs'],
    [{ token: 't', fetch: 'fetch' }, 'fetch'],
    [{ token: 't', retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
  ])('refuses %j naming %s', (options, option) => {
    expect(() => createTokenClient(options as never)).toThrow(optionError(option));
  });
});

describe('createInstallationClient', () => {
  const options = { store, logger: silentLogger };

  it.each<[object, object, string]>([
    [{ oauthId: 'o' }, options, 'installation'],
    [fakeInstallation({ apiUrl: 'nowhere' }), options, 'installation.apiUrl'],
    [fakeInstallation({ tokenUrl: '' }), options, 'installation.tokenUrl'],
    [fakeInstallation(), { logger: silentLogger }, 'store'],
    [fakeInstallation(), { ...options, scopes: [] }, 'scopes'],
    [fakeInstallation(), { ...options, scopes: ['send_everything'] }, 'scopes'],
    [fakeInstallation(), { ...options, tokens: { marginMs: -1 } }, 'tokens.marginMs'],
    [fakeInstallation(), { ...options, tokens: { lockTtlMs: 0 } }, 'tokens.lockTtlMs'],
  ])('refuses %j with %j naming %s', (installation, given, option) => {
    expect(() => createInstallationClient(installation as never, given as never)).toThrow(optionError(option));
  });

  it('narrows its scopes, never widens them', () => {
    const client = createInstallationClient(fakeInstallation(), { ...options, scopes: ['send_notification', 'view_room'] });
    expect(client.withScopes(['view_room']).scopes).toEqual(['view_room']);
    expect(() => client.withScopes(['admin_room'])).toThrow(optionError('scopes'));
    expect(() => client.withScopes(['view_room']).withScopes(['send_notification'])).toThrow(optionError('scopes'));
  });

  it('without scopes, may narrow to any scope', () => {
    const client = createInstallationClient(fakeInstallation(), options);
    expect(client.scopes).toEqual([]);
    expect(client.withScopes(['admin_room', 'admin_room']).scopes).toEqual(['admin_room']);
  });
});
