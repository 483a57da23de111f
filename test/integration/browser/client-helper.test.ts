import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Frame, Page, Request } from 'playwright-core';
import { createAddon, MemoryStore, silentLogger, type Addon, type HipChatLocals, type Installation } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import { signedViewUrl, startForeignPages } from '../../support/foreign-pages';
import type { Served } from '../../support/serve';

const TOKEN_TTL = 4;
const SESSION = 600;

/**
 * lib/client/hipchat-connect.js in headless Chromium, in an add-on page the emulator's web UI frames,
 * talking to the emulator's JavaScript API and back to a real add-on server.
 */
describe('the client helper in a browser', () => {
  let emulator: Emulator;
  let addon: Addon;
  let server: Server;
  let foreign: Served;
  let installation: Installation;
  let browser: TestBrowser;
  let page: Page;
  let refuseNext = false;
  /** Moves the emulator's clock, for tokens signed in the past. */
  let clockOffsetMs = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ logger: silentLogger, clock: () => Date.now() + clockOffsetMs });
    addon = createAddon({
      key: 'com.example.browser', name: 'Browser', description: 'Client helper test', scopes: ['send_notification', 'view_room'], store: new MemoryStore(), logger: silentLogger,
      allowedHosts: [emulator.url], jwt: { pageTokenTtlSeconds: TOKEN_TTL, pageSessionSeconds: SESSION },
    });
    const page = (body: string) => (_req: express.Request, res: express.Response) =>
      void res.type('html').send(`<!doctype html><html><head>${(res.locals.hipchat as { scripts: string }).scripts}</head><body>${body}</body></html>`);
    addon
      .glance('panel-glance', { name: 'Panel', icon: '/icon.png', target: 'panel' })
      .webPanel('panel', { name: 'Panel' }, page('panel'))
      .externalPage('history', { name: 'History' }, page('history of the room'))
      .dialog('confirm', { title: 'Confirm', options: { primaryAction: { name: 'Yes', key: 'yes', enabled: false } } },
        page(`<script>window.received = []; HipChatConnect.on('receive-parameters', (parameters) => window.received.push(parameters));</script>`))
      // Listens only after the host's event reached the page: all.js keeps it until someone does.
      .dialog('late', { title: 'Late' }, (_req, res) => void res.type('html').send(`<!doctype html><html><head><script>
        window.received = [];
        const arrived = new Promise((resolve) => addEventListener('message', (message) => message.data?.type === 'evt' && resolve()));
        const loaded = new Promise((resolve) => addEventListener('DOMContentLoaded', resolve));
        // A timer, so that all.js (whose listener comes after this one) has handled the event first.
        Promise.all([arrived, loaded]).then(() => setTimeout(() => HipChatConnect.on('receive-parameters', (parameters) => window.received.push(parameters))));
      </script>${(res.locals.hipchat as { scripts: string }).scripts}</head><body>late</body></html>`));
    const app = express();
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
    server = await addon.listen({ port: 0, host: '127.0.0.1', app });
    const { oauthId } = await emulator.install({ descriptorUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/atlassian-connect.json`, roomId: 1 });
    installation = (await addon.installation(oauthId))!;
    foreign = await startForeignPages();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await foreign?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await addon?.close();
    await emulator?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${emulator.url}/?room=1&user=1`);
    await page.waitForSelector('body[data-ready]');
  });
  afterEach(async () => {
    await page.close();
    clockOffsetMs = 0;
  });

  const hostTokenCalls = () => {
    const calls: string[] = [];
    page.on('request', (request) => request.url().endsWith('/emulator/ui/host-tokens') && calls.push(request.url()));
    return calls;
  };

  /** The panel, opened from its glance by the emulator's web UI, with the helper loaded inside. */
  async function openPanel(): Promise<Frame> {
    await page.locator('.glance[data-key="panel-glance"]').click();
    await page.waitForSelector('.panel-frame');
    const frame = (await (await page.$('.panel-frame'))!.contentFrame())!;
    await frame.waitForFunction(() => 'HipChatConnect' in window);
    return frame;
  }

  it('loads framed by the host, and fetches back to the add-on with its page token', async () => {
    const frame = await openPanel();
    const answer = await frame.evaluate(async () => (await HipChatConnect.fetch('/api/whoami')).json());
    expect(answer).toMatchObject({ userId: '1', roomId: 1 });
  });

  it('cannot be framed by a page of another origin', async () => {
    await page.goto(`${foreign.url}/frame?src=${encodeURIComponent(await signedViewUrl(emulator.url, { oauthId: installation.oauthId, key: 'panel' }))}`);
    // goto waited for the page's load event, which waits for its frame, refused or not.
    const frame = await (await page.waitForSelector('#addon')).contentFrame();
    // Chromium replaces a frame its CSP refuses with its error page.
    expect(frame!.url()).toBe('chrome-error://chromewebdata/');
  });

  it('refreshes the token before it runs out, through the add-on', async () => {
    const withToken = hostTokenCalls();
    const frame = await openPanel();
    const initial = await frame.evaluate(() => HipChatConnect.token());
    const refreshed = await page.waitForResponse((response) => response.url().endsWith('/page-token'), { timeout: TOKEN_TTL * 2000 });
    expect(refreshed.status()).toBe(200);
    const current = await frame.evaluate(() => HipChatConnect.token());
    expect(current).not.toBe(initial);
    expect(withToken).toEqual([]);
  });

  it('retries once with a fresh token when the add-on answers 401', async () => {
    const frame = await openPanel();
    refuseNext = true;
    // Counted on the calls themselves: on a slow machine the helper's own timer (80% of the 4 s TTL) may
    // refresh the token as well, which is right and not what this test is about.
    const calls: Request[] = [];
    const record = (request: Request) => request.url().endsWith('/api/picky') && calls.push(request);
    page.on('request', record);
    const answer = await frame.evaluate(async () => {
      const response = await HipChatConnect.fetch('/api/picky');
      return { status: response.status, body: await response.json() };
    });
    page.off('request', record);
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    expect(calls).toHaveLength(2);
    const [refused, retried] = await Promise.all(calls.map((call) => call.headerValue('authorization')));
    expect(retried).toMatch(/^JWT [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(retried).not.toBe(refused);
  });

  it('asks the host for a new token (HipChat.auth.withToken) once the add-on refuses to refresh', async () => {
    // The host signs this page's URL in the past, longer ago than a session lasts: its page token is
    // over on arrival. Every other token is signed now.
    await page.route('**/emulator/ui/views', async (route) => {
      clockOffsetMs = -(SESSION + 120) * 1000;
      const response = await route.fetch();
      clockOffsetMs = 0;
      await route.fulfill({ response });
    });
    const withToken = hostTokenCalls();
    const frame = await openPanel();
    const answer = await frame.evaluate(async () => (await HipChatConnect.fetch('/api/whoami')).json());
    expect(answer).toMatchObject({ userId: '1', roomId: 1 });
    expect(withToken).toHaveLength(1);
  });

  it('opens, changes and closes dialogs and sidebars through the host API', async () => {
    const panel = await openPanel();
    await panel.evaluate(() => HipChatConnect.dialog.open('confirm', { options: { title: 'Sure?' }, parameters: { id: 3 } }));
    await page.locator('#dialog-title', { hasText: 'Sure?' }).waitFor();
    const dialog = (await (await page.$('.dialog-frame'))!.contentFrame())!;
    await dialog.waitForFunction(() => window.received?.length === 1);
    expect(await dialog.evaluate(() => window.received)).toEqual([{ id: 3 }]);

    const yes = page.getByRole('button', { name: 'Yes' });
    expect(await yes.isDisabled()).toBe(true);
    await panel.evaluate(() => HipChatConnect.dialog.updatePrimaryAction({ enabled: true }));
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('dialog .primary')?.disabled);
    await panel.evaluate(() => HipChatConnect.dialog.close());
    await page.locator('dialog#dialog').waitFor({ state: 'hidden' });

    await panel.evaluate(() => HipChatConnect.sidebar.close());
    await page.locator('.glance[data-key="panel-glance"]').waitFor();
  });

  it('hands an event that came before the page listened to the listener the page then adds', async () => {
    const panel = await openPanel();
    await panel.evaluate(() => HipChatConnect.dialog.open('late', { parameters: { id: 4 } }));
    await page.locator('#dialog-title', { hasText: 'Late' }).waitFor();
    const dialog = (await (await page.$('.dialog-frame'))!.contentFrame())!;
    await dialog.waitForFunction(() => window.received.length === 1);
    expect(await dialog.evaluate(() => window.received)).toEqual([{ id: 4 }]);
    await panel.evaluate(() => HipChatConnect.dialog.close());
    await page.locator('dialog#dialog').waitFor({ state: 'hidden' });
    await panel.evaluate(() => HipChatConnect.sidebar.close());
  });

  it('opens an external page in a new window, with a signed request', async () => {
    const panel = await openPanel();
    const opened = browser.context.waitForEvent('page');
    await panel.evaluate(() => HipChatConnect.sidebar.open('history'));
    const window = await opened;
    await window.getByText('history of the room').waitFor();
    expect(new URL(window.url()).searchParams.get('signed_request')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await window.close();
  });

  it('hands host events to every listener, registering each event with the host once', async () => {
    const frame = await openPanel();
    await frame.evaluate(() => {
      window.seen = [];
      window.registrations = 0;
      const register = window.HipChat.register;
      window.HipChat.register = (handlers) => {
        window.registrations++;
        register(handlers);
      };
      HipChatConnect.onGlanceUpdate((update: unknown) => window.seen.push(['first', update]));
      window.off = HipChatConnect.onGlanceUpdate((update: unknown) => window.seen.push(['second', update]));
    });
    const push = (value: string) => addon.client(installation).glances.push({ room: 1 }, [{ key: 'panel-glance', content: { label: { type: 'html', value } } }]);
    await push('<b>1</b>');
    await frame.waitForFunction(() => window.seen.length === 2);
    await frame.evaluate(() => window.off());
    await push('<b>2</b>');
    await frame.waitForFunction(() => window.seen.length === 3);
    const { seen, registrations } = await frame.evaluate(() => ({ seen: window.seen, registrations: window.registrations }));
    const update = (value: string) => ({ key: 'panel-glance', content: { label: { type: 'html', value } } });
    expect(seen).toEqual([['first', update('<b>1</b>')], ['second', update('<b>1</b>')], ['first', update('<b>2</b>')]]);
    expect(registrations).toBe(1);
  });
});

/** What the pages under test have on `window`: the host's API, the helper, and what the tests record. */
declare global {
  interface Window {
    HipChat: { register(handlers: Record<string, (...args: unknown[]) => void>): void };
    received: unknown[];
    seen: unknown[];
    registrations: number;
    off(): void;
  }
  const HipChatConnect: {
    token(): Promise<string>;
    fetch(input: string, init?: RequestInit): Promise<Response>;
    onGlanceUpdate(listener: (...args: any[]) => void): () => void;
    dialog: { open(key: string, options?: object): void; updatePrimaryAction(options: object): void; close(): void };
    sidebar: { open(key: string, options?: object): void; close(): void };
  };
}
