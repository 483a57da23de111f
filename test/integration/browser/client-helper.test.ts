import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { createAddon, type Addon } from '../../../lib/addon';
import type { Installation } from '../../../lib/core/installation';
import type { HipChatLocals } from '../../../lib/express/authenticate';
import { silentLogger } from '../../../lib/logger';
import { MemoryStore } from '../../../lib/stores/memory';
import { fakeInstallation, hostToken } from '../../support/installations';
import { serveAddon, type Served } from '../../support/serve';
import { startStandInHost } from '../../support/stand-in-host';

const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] };
const TOKEN_TTL = 4;
const SESSION = 600;

/**
 * lib/client/hipchat-connect.js in headless Chromium: a real add-on server, its page framed by a
 * stand-in host page that provides the `HipChat` global, and a page of another origin that must not frame it.
 */
describe('the client helper in a browser', () => {
  let browser: Browser;
  let host: Served;
  let foreign: Served;
  let served: Served;
  let addon: Addon;
  let installation: Installation;
  let page: Page;
  let refuseNext = false;

  beforeAll(async () => {
    host = await startStandInHost();
    foreign = await startStandInHost();
    installation = fakeInstallation({ apiUrl: `${host.url}/v2`, capabilitiesUrl: `${host.url}/v2/capabilities`, tokenUrl: `${host.url}/v2/oauth/token` });
    const store = new MemoryStore();
    await store.storeInstallation(installation);
    addon = createAddon({
      key: 'com.example.browser', name: 'Browser', description: 'Client helper test', store, logger: silentLogger,
      allowedHosts: [host.url], jwt: { pageTokenTtlSeconds: TOKEN_TTL, pageSessionSeconds: SESSION },
    });
    addon.webPanel('panel', { name: 'Panel' }, (_req, res) => void res.type('html').send(`<!doctype html><html><head>${res.locals.hipchat.scripts}</head><body>panel</body></html>`));
    served = await serveAddon(addon, (app) => {
      app.get('/api/whoami', addon.authenticate(), (_req, res) => {
        const { userId, roomId, claims } = res.locals.hipchat as HipChatLocals;
        res.json({ userId, roomId, jti: claims.jti });
      });
      // Refuses one request when told to, as the add-on would a token it no longer accepts.
      app.get('/api/picky', addon.authenticate(), (_req, res) => {
        if (!refuseNext) return void res.json({ ok: true });
        refuseNext = false;
        res.status(401).json({ error: { code: 'JWT_EXPIRED' } });
      });
    });
    browser = await chromium.launch(CHROMIUM);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([served?.close(), host?.close(), foreign?.close()]);
    await addon?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(() => page.close());

  const now = () => Math.floor(Date.now() / 1000);
  const panelUrl = (claims: Record<string, unknown> = {}) => `${served.url}/pages/panel?signed_request=${hostToken(installation, { sub: '7', ...claims })}`;

  /** The panel, framed by the host's page, with the helper loaded inside. */
  async function openPanel(claims: Record<string, unknown> = {}): Promise<Frame> {
    await page.goto(`${host.url}/frame?src=${encodeURIComponent(panelUrl(claims))}`);
    const frame = await (await page.waitForSelector('#addon')).contentFrame();
    await frame!.waitForFunction(() => 'HipChatConnect' in window);
    return frame!;
  }

  it('loads framed by the allowed host, and fetches back to the add-on with its page token', async () => {
    const frame = await openPanel();
    const answer = await frame.evaluate(async () => (await HipChatConnect.fetch('/api/whoami')).json());
    expect(answer).toMatchObject({ userId: '7', roomId: 42 });
  });

  it('cannot be framed by a page of another origin', async () => {
    await page.goto(`${foreign.url}/frame?src=${encodeURIComponent(panelUrl())}`);
    // goto waited for the page's load event, which waits for its frame, refused or not.
    const frame = await (await page.waitForSelector('#addon')).contentFrame();
    // Chromium replaces a frame its CSP refuses with its error page.
    expect(frame!.url()).toBe('chrome-error://chromewebdata/');
  });

  it('refreshes the token before it runs out, through the add-on', async () => {
    const frame = await openPanel();
    const initial = await frame.evaluate(() => HipChatConnect.token());
    const refreshed = await page.waitForResponse((response) => response.url().endsWith('/page-token'), { timeout: TOKEN_TTL * 2000 });
    expect(refreshed.status()).toBe(200);
    const current = await frame.evaluate(() => HipChatConnect.token());
    expect(current).not.toBe(initial);
    expect(await frame.evaluate(() => window.hostCalls.filter((call) => call[0] === 'auth.withToken').length)).toBe(0);
  });

  it('retries once with a fresh token when the add-on answers 401', async () => {
    const frame = await openPanel();
    refuseNext = true;
    const refreshes: string[] = [];
    page.on('request', (request) => request.url().endsWith('/page-token') && refreshes.push(request.url()));
    const answer = await frame.evaluate(async () => {
      const response = await HipChatConnect.fetch('/api/picky');
      return { status: response.status, body: await response.json() };
    });
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    expect(refreshes).toHaveLength(1);
  });

  it('asks the host for a new token (HipChat.auth.withToken) once the add-on refuses to refresh', async () => {
    // What the host will hand out, in place before the page asks (it does so as soon as it loads).
    await page.addInitScript((token) => { window.nextHostToken = token; }, hostToken(installation, { sub: '8' }));
    // A page opened from a host token older than the session: its page token is over on arrival.
    const frame = await openPanel({ iat: now() - SESSION - 120, exp: now() + 600 });
    const answer = await frame.evaluate(async () => (await HipChatConnect.fetch('/api/whoami')).json());
    expect(answer).toMatchObject({ userId: '8' });
    expect(await frame.evaluate(() => window.hostCalls.filter((call) => call[0] === 'auth.withToken').length)).toBe(1);
  });

  it('opens dialogs and sidebars through the host API', async () => {
    const frame = await openPanel();
    const calls = await frame.evaluate(() => {
      HipChatConnect.dialog.open('confirm', { options: { title: 'Sure?' }, parameters: { id: 3 } });
      HipChatConnect.dialog.updatePrimaryAction({ enabled: true });
      HipChatConnect.dialog.close();
      HipChatConnect.sidebar.open('panel', { urlTemplateValues: { city: 'Oslo' } });
      HipChatConnect.sidebar.close();
      return window.hostCalls;
    });
    expect(calls).toEqual([
      ['dialog.open', { key: 'confirm', options: { title: 'Sure?' }, parameters: { id: 3 } }],
      ['dialog.updatePrimaryAction', { enabled: true }],
      ['dialog.close'],
      ['sidebar.openView', { key: 'panel', urlTemplateValues: { city: 'Oslo' } }],
      ['sidebar.closeView'],
    ]);
  });

  it('hands host events to every listener, registering each event with the host once', async () => {
    const frame = await openPanel();
    const seen = await frame.evaluate(() => {
      const events: unknown[] = [];
      HipChatConnect.onDialogButton((event: unknown) => events.push(['first', event]));
      const off = HipChatConnect.onDialogButton((event: unknown) => events.push(['second', event]));
      HipChatConnect.onAction('translate', (message: unknown) => events.push(['action', message]));
      HipChatConnect.onGlanceUpdate((update: unknown) => events.push(['glance', update]));
      window.hostHandlers['dialog-button-click']!({ action: 'yes' });
      off();
      window.hostHandlers['dialog-button-click']!({ action: 'no' });
      window.hostHandlers.translate!({ body: 'hello', mid: 'm1' });
      window.hostHandlers['glance-update']!({ key: 'forecast' });
      return { events, registrations: window.hostRegistrations };
    });
    expect(seen.events).toEqual([
      ['first', { action: 'yes' }], ['second', { action: 'yes' }], ['first', { action: 'no' }],
      ['action', { body: 'hello', mid: 'm1' }], ['glance', { key: 'forecast' }],
    ]);
    expect(seen.registrations).toBe(3);
  });
});

/** What the page under test has on `window`: the helper, and the stand-in host's records. */
declare global {
  interface Window {
    hostCalls: unknown[][];
    hostHandlers: Record<string, ((...args: unknown[]) => void) | undefined>;
    hostRegistrations: number;
    nextHostToken: string;
  }
  const HipChatConnect: {
    token(): Promise<string>;
    fetch(input: string, init?: RequestInit): Promise<Response>;
    onDialogButton(listener: (...args: any[]) => void): () => void;
    onAction(key: string, listener: (...args: any[]) => void): () => void;
    onGlanceUpdate(listener: (...args: any[]) => void): () => void;
    dialog: { open(key: string, options?: object): void; updatePrimaryAction(options: object): void; close(): void };
    sidebar: { open(key: string, options?: object): void; close(): void };
  };
}
