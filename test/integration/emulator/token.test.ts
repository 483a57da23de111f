import { requestToken } from '../../../lib/core/host/oauth';
import { startEmulator, type Emulator, type HostInstallation } from 'hipchat-connect/emulator';
import { startFakeAddon, type FakeAddon } from './fake-addon';
import { postToken } from './token-client';

const HOUR = 60 * 60 * 1000;
let now = Date.UTC(2024, 0, 1);
let emulator: Emulator;
let addon: FakeAddon;
let installation: HostInstallation;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, clock: () => now });
  addon = await startFakeAddon();
});
beforeEach(async () => {
  installation = await emulator.install({ descriptorUrl: addon.descriptorUrl, roomId: 1 });
});
afterAll(async () => {
  await emulator.close();
  await addon.close();
});

const clientCredentials = { grant_type: 'client_credentials', scope: 'send_notification view_room' };

describe('POST /v2/oauth/token', () => {
  it('issues a token for Basic credentials and a form body', async () => {
    const { status, headers, body } = await postToken(emulator, installation, clientCredentials);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toEqual({
      access_token: expect.any(String), expires_in: 28800, group_id: emulator.group.id, group_name: emulator.group.name,
      scope: 'send_notification view_room', token_type: 'bearer',
    });
    expect(emulator.log.tokensIssued.at(-1)).toEqual({ oauthId: installation.oauthId, scopes: ['send_notification', 'view_room'], token: body.access_token });
    expect(emulator.lookupToken(body.access_token)).toMatchObject({ oauthId: installation.oauthId, groupId: emulator.group.id, roomId: 1 });
  });

  it('issues a token for Basic credentials and a JSON body', async () => {
    const { status, body } = await postToken(emulator, installation, { grant_type: 'client_credentials', scope: 'view_room' }, 'json');
    expect(status).toBe(200);
    expect(body.scope).toBe('view_room');
  });

  it('grants every declared scope when the request names none', async () => {
    const { body } = await postToken(emulator, installation, { grant_type: 'client_credentials' });
    expect(body.scope).toBe('send_notification view_room');
  });

  it('answers the toolkit\'s own token client', async () => {
    const outcome = await requestToken({ ...installation, tokenUrl: `${emulator.apiUrl}/oauth/token` }, ['send_notification'], { fetch, timeoutMs: 2000 });
    expect(outcome).toMatchObject({ kind: 'issued', token: { scope: 'send_notification', group_id: emulator.group.id } });
  });

  it('refuses a wrong secret with 401 invalid_client and a Basic challenge', async () => {
    const { status, headers, body } = await postToken(emulator, { ...installation, oauthSecret: 'wrong' }, clientCredentials);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
  });

  it('refuses a request without credentials as invalid_client', async () => {
    expect((await postToken(emulator, undefined, clientCredentials)).body.error).toBe('invalid_client');
  });

  it('refuses a scope the descriptor does not declare with 400 invalid_scope', async () => {
    const { status, body } = await postToken(emulator, installation, { grant_type: 'client_credentials', scope: 'view_room admin_group' });
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_scope', error_description: 'Not declared by the add-on: admin_group' });
  });

  it.each([
    [{ grant_type: 'password' }, 'unsupported_grant_type'],
    [{ scope: 'view_room' }, 'invalid_request'],
  ])('refuses %p with 400 %s', async (fields, error) => {
    const { status, body } = await postToken(emulator, installation, fields);
    expect(status).toBe(400);
    expect(body.error).toBe(error);
  });

  it('logs refused requests too', async () => {
    await postToken(emulator, { ...installation, oauthSecret: 'wrong' }, clientCredentials);
    expect(emulator.log.tokenRequests.at(-1)).toEqual({ oauthId: installation.oauthId, grantType: 'client_credentials', scope: 'send_notification view_room', status: 401, error: 'invalid_client' });
  });

  it('refuses a removed client with 401', async () => {
    await emulator.uninstall(installation.oauthId);
    expect((await postToken(emulator, installation, clientCredentials)).status).toBe(401);
  });

  it('refuses the old secret once the secret is rotated, and takes the new one', async () => {
    const secret = emulator.rotateSecret(installation.oauthId);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect((await postToken(emulator, installation, clientCredentials)).status).toBe(401);
    expect((await postToken(emulator, { ...installation, oauthSecret: secret }, clientCredentials)).status).toBe(200);
  });
});

describe('issued tokens', () => {
  it('expire on the emulator\'s clock: lookup and the inspect route stop knowing them', async () => {
    const { body } = await postToken(emulator, installation, clientCredentials);
    now += 8 * HOUR - 1000;
    expect(emulator.lookupToken(body.access_token)).toBeDefined();
    now += 1000;
    expect(emulator.lookupToken(body.access_token)).toBeUndefined();
    expect((await fetch(`${emulator.apiUrl}/oauth/token/${body.access_token}`)).status).toBe(404);
  });

  it('can be inspected and revoked', async () => {
    const { body } = await postToken(emulator, installation, clientCredentials);
    now += HOUR;
    const inspected = await fetch(`${emulator.apiUrl}/oauth/token/${body.access_token}`);
    expect(await inspected.json()).toMatchObject({ access_token: body.access_token, expires_in: 7 * 3600, oauth_client_id: installation.oauthId, room_id: 1 });
    expect((await fetch(`${emulator.apiUrl}/oauth/token/${body.access_token}`, { method: 'DELETE' })).status).toBe(204);
    expect(emulator.lookupToken(body.access_token)).toBeUndefined();
    const again = await fetch(`${emulator.apiUrl}/oauth/token/${body.access_token}`, { method: 'DELETE' });
    expect(await again.json()).toEqual({ error: { code: 404, type: 'Not Found', message: 'Unknown or expired token' } });
  });

  it('are all dropped with their client on uninstall', async () => {
    const { body } = await postToken(emulator, installation, clientCredentials);
    await emulator.uninstall(installation.oauthId);
    expect(emulator.lookupToken(body.access_token)).toBeUndefined();
  });
});

it('takes a configured token lifetime', async () => {
  const short = await startEmulator({ port: 0, tokenTtlSeconds: 60 });
  try {
    const shortInstall = await short.install({ descriptorUrl: addon.descriptorUrl });
    expect((await postToken(short, shortInstall, clientCredentials)).body.expires_in).toBe(60);
  } finally {
    await short.close();
  }
});
