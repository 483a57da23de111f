import request from 'supertest';
import { glanceDataProblems } from 'hipchat-connect/testing';
import { useInstalledStack } from '../../support/installed-stack';
import { hostToken } from '../../support/installations';

/**
 * The example add-on's glance, queried the way the host's web client queries it
 * (docs/protocol.md#glance-query).
 */
describe('a glance the add-on serves', () => {
  const fixture = useInstalledStack({ roomInstall: true });
  const path = '/glances/forecast';
  const outsider = 'https://evil.example';

  const now = () => Math.floor(Date.now() / 1000);
  const host = () => fixture.stack.emulator.url;
  const query = (token: string | undefined, origin = host()) => {
    const call = request(fixture.app.url).get(path).set('origin', origin);
    return token === undefined ? call : call.query({ signed_request: token, connect_client_api_version: 1 });
  };

  it('is declared with a queryUrl the host can reach', async () => {
    const descriptor = await request(fixture.app.url).get('/atlassian-connect.json');
    expect(descriptor.body.capabilities.glance[0]).toMatchObject({ key: 'forecast', queryUrl: `${fixture.app.url}${path}`, target: 'forecast-panel' });
  });

  it('answers a host-signed query with valid glance data, CORS for the host and no caching', async () => {
    const response = await query(hostToken(fixture.installation, { sub: String(fixture.stack.emulator.users[0]!.id) }));
    expect(response.status).toBe(200);
    expect(glanceDataProblems(response.body)).toEqual([]);
    expect(response.body.label).toEqual({ type: 'html', value: '<b>21°</b> and sunny' });
    expect(response.headers['access-control-allow-origin']).toBe(host());
    expect(response.headers.vary).toMatch(/Origin/);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['a forged signature', () => hostToken({ ...fixture.installation, oauthSecret: 'guessed-secret' }), 'JWT_SIGNATURE_INVALID'],
    ['an expired token', () => hostToken(fixture.installation, { iat: now() - 7200, exp: now() - 3600 }), 'JWT_EXPIRED'],
    ['an unknown issuer', () => hostToken({ ...fixture.installation, oauthId: 'never-installed' }), 'JWT_UNKNOWN_ISSUER'],
    ['a malformed token', () => 'not.a.jwt!', 'JWT_MALFORMED'],
    ['no signed_request at all', () => undefined, 'JWT_MISSING'],
  ])('refuses %s with a coded 401 the host can read', async (_name, makeToken, code) => {
    const response = await query(makeToken());
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('JWT');
    expect(response.body.error).toMatchObject({ code, status: 401 });
    expect(response.headers['access-control-allow-origin']).toBe(host());
  });

  it('answers a preflight from the host with a grant', async () => {
    const response = await request(fixture.app.url).options(path).set('origin', host()).set('access-control-request-method', 'GET').set('access-control-request-headers', 'authorization');
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({ 'access-control-allow-origin': host(), 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'Authorization' });
  });

  it('gives a preflight from an origin outside the allowed hosts no grant', async () => {
    const response = await request(fixture.app.url).options(path).set('origin', outsider).set('access-control-request-method', 'GET');
    expect(response.status).toBe(204);
    for (const header of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers']) expect(response.headers[header]).toBeUndefined();
  });

  it('gives a query from an origin outside the allowed hosts no grant, whatever its token', async () => {
    const response = await query(hostToken(fixture.installation), outsider);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 404 for a glance it does not serve', async () => {
    const response = await request(fixture.app.url).get('/glances/nope').query({ signed_request: hostToken(fixture.installation) });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses to pass invalid glance data on: a coded 500, no details', async () => {
    fixture.stack.addon.glance('broken', { name: 'Broken', icon: '/i.png' }, () => ({ label: { type: 'html', value: '<img src=x onerror=alert(1)>' } }));
    const response = await request(fixture.app.url).get('/glances/broken').query({ signed_request: hostToken(fixture.installation) });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: 'GLANCE_INVALID', status: 500, message: expect.any(String) } });
  });
});
