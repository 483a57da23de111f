import { fetchHostEndpoints } from '../../../lib/core/install/capabilities';
import { problemsWith } from '../../../lib/core/schemas';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

describe('GET /v2/capabilities', () => {
  it('serves a document valid against schemas/capabilities, describing itself', async () => {
    const response = await fetch(emulator.capabilitiesUrl);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(problemsWith('capabilities', document)).toEqual([]);
    expect(document.links.self).toBe(emulator.capabilitiesUrl);
    expect(document.capabilities.oauth2Provider.tokenUrl).toBe(`${emulator.apiUrl}/oauth/token`);
  });

  it('writes the API URL without a trailing slash in links.api and with one in hipchatApiProvider', async () => {
    const document = await (await fetch(emulator.capabilitiesUrl)).json();
    expect(emulator.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(document.links.api).toBe(emulator.apiUrl);
    expect(document.capabilities.hipchatApiProvider.url).toBe(`${emulator.apiUrl}/`);
  });

  it('lists every scope an add-on may declare', async () => {
    const document = await (await fetch(emulator.capabilitiesUrl)).json();
    expect(Object.keys(document.capabilities.hipchatApiProvider.availableScopes).sort()).toEqual([
      'admin_group', 'admin_room', 'import_data', 'manage_rooms', 'send_message', 'send_notification', 'view_group', 'view_messages', 'view_room',
    ]);
    expect(document.capabilities.hipchatApiProvider.availableScopes.view_room).toEqual({ id: 'view_room', name: 'View Room', description: expect.any(String) });
  });

  it('answers with a trailing slash too', async () => {
    const response = await fetch(`${emulator.capabilitiesUrl}/`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(await (await fetch(emulator.capabilitiesUrl)).json());
  });

  it('passes the toolkit\'s own install-time checks', async () => {
    const endpoints = await fetchHostEndpoints(emulator.capabilitiesUrl, { fetch, timeoutMs: 2000, capabilitiesBytes: 64 * 1024 });
    expect(endpoints).toEqual({ tokenUrl: `${emulator.apiUrl}/oauth/token`, apiUrl: emulator.apiUrl });
  });
});

describe('schemas/capabilities', () => {
  const valid = () => ({ key: 'hipchat', links: { self: 'https://h.example.com/v2/capabilities' }, capabilities: { oauth2Provider: { tokenUrl: 'https://h.example.com/v2/oauth/token' }, hipchatApiProvider: { url: 'https://h.example.com/v2/' } } });

  it('accepts the smallest document an add-on can install from', () => {
    expect(problemsWith('capabilities', valid())).toEqual([]);
  });

  it.each([
    ['links.self', (d: any) => { delete d.links.self; }],
    ['the token URL', (d: any) => { delete d.capabilities.oauth2Provider.tokenUrl; }],
    ['the API URL', (d: any) => { delete d.capabilities.hipchatApiProvider.url; }],
  ])('requires %s', (_name, change) => {
    const document = valid();
    change(document);
    expect(problemsWith('capabilities', document)).toEqual([expect.objectContaining({ rule: expect.stringContaining('required') })]);
  });

  it('refuses a relative token URL', () => {
    const document = valid();
    document.capabilities.oauth2Provider.tokenUrl = '/v2/oauth/token';
    expect(problemsWith('capabilities', document).map((problem) => problem.path)).toContain('/capabilities/oauth2Provider/tokenUrl');
  });
});

describe('routes the emulator does not have', () => {
  it('answer 404 with HipChat\'s error body', async () => {
    const response = await fetch(`${emulator.apiUrl}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 404, type: 'Not Found', message: 'No route for GET /v2/nothing-here' } });
  });
});
