import jwt from 'jsonwebtoken';
import type { Frame, Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../../support/browser';
import { startDemoStack, type DemoStack } from '../../support/demo-stack';
import { signedViewUrl, startForeignPages } from '../../support/foreign-pages';
import { notifyRoom } from '../../support/room-notification';
import type { Served } from '../../support/serve';
import { PWN, startHostileAddon, type HostileAddon } from './hostile-addon';

/**
 * Hostile input in the browser: add-on HTML that tries to run script in the host page, and a frame
 * that tries to use the host's JavaScript API as another add-on's frame, or to be talked to by a page
 * that is not the host.
 */
describe('the web UI against hostile add-ons', () => {
  let stack: DemoStack;
  let hostile: HostileAddon;
  let hostileId: string;
  let browser: TestBrowser;
  let page: Page;
  let foreign: Served;
  const warnings: string[] = [];

  beforeAll(async () => {
    stack = await startDemoStack();
    hostile = await startHostileAddon(stack.emulator.url);
    hostileId = (await stack.emulator.install({ descriptorUrl: hostile.descriptorUrl, roomId: 1 })).oauthId;
    foreign = await startForeignPages();
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(`${stack.emulator.url}/?room=1&user=1`);
    await page.waitForSelector('body[data-ready]');
  });
  afterAll(async () => {
    await browser?.close();
    await foreign?.close();
    await hostile?.close();
    await stack?.close();
  });

  const pwned = () => page.evaluate(() => (window as { pwned?: unknown }).pwned);
  const notify = async (body: Record<string, unknown>) => expect(await notifyRoom(stack.emulator, 'Lobby', body, 'Hostile')).toBe(204);

  describe('HTML', () => {
    it('in a notification runs nothing: no image, no script, no handler, no javascript: link', async () => {
      await notify({ message: `<img src=x onerror="${PWN}"><script>${PWN}</script><b onclick="${PWN}">bold</b> <a href="javascript:${PWN}">link</a><svg onload="${PWN}"></svg>` });
      const message = page.locator('#messages > li', { hasText: 'bold' });
      await expect(message.locator('.body').evaluate((body) => body.innerHTML)).resolves.toBe('<b>bold</b> <a>link</a>');
      await message.locator('a').click();
      expect(await pwned()).toBeUndefined();
    });

    it('cannot open an add-on\'s module through a data-target link, unless that add-on sent it', async () => {
      await notify({ message: 'Sent by a room token: <a data-target="forecast-panel">open Weather</a>' });
      const link = page.locator('#messages > li', { hasText: 'Sent by a room token' }).locator('a');
      await link.click();
      expect(await link.getAttribute('href')).toBeNull();
      expect(await page.locator('.panel-frame').count()).toBe(0);
    });

    it('in a card runs nothing either', async () => {
      await notify({
        message: 'A card',
        card: {
          style: 'application', id: 'c1', title: `<img src=x onerror="${PWN}">Title`, url: 'https://example.com/card',
          description: { value: `<img src=x onerror="${PWN}"><strong>strong</strong><script>${PWN}</script>`, format: 'html' },
          activity: { html: `<a href="javascript:${PWN}">activity</a><span style="x">span</span>` },
          attributes: [{ label: 'Link', value: { label: 'attribute', url: 'https://example.com/a' } }],
        },
      });
      const card = page.locator('#messages > li', { hasText: 'A card' }).locator('.card');
      await expect(card.locator('.card-title').textContent()).resolves.toBe(`<img src=x onerror="${PWN}">Title`);
      await expect(card.locator('.card-description').evaluate((element) => element.innerHTML)).resolves.toBe('<strong>strong</strong>');
      await expect(card.locator('.card-activity').evaluate((element) => element.innerHTML)).resolves.toBe('<a>activity</a><span>span</span>');
      expect(await card.locator('img, script, [onerror], [style]').count()).toBe(0);
      expect(await pwned()).toBeUndefined();
    });

    it('typed by a person is text', async () => {
      await page.fill('#message-input', `<img src=x onerror="${PWN}">`);
      await page.press('#message-input', 'Enter');
      await page.locator('#messages > li .body', { hasText: '<img src=x' }).waitFor();
      expect(await page.locator('#messages img').count()).toBe(0);
      expect(await pwned()).toBeUndefined();
    });

    it('in a glance label is refused, and the glance shows its name', async () => {
      const glance = page.locator('.glance[data-key="evil"]');
      await glance.getByText('Evil glance').waitFor();
      expect(await glance.locator('.glance-label').evaluate((label) => label.innerHTML)).toBe('Evil glance');
      expect(warnings.some((warning) => warning.includes('the glance evil answered a label outside the rule'))).toBe(true);
      expect(await pwned()).toBeUndefined();
    });
  });

  describe('the JavaScript API', () => {
    let frame: Frame;

    beforeAll(async () => {
      await page.locator('.glance[data-key="evil"]').click();
      await page.frameLocator('.panel-frame').getByText('Evil panel').waitFor();
      frame = page.frames().find((candidate) => candidate.url().startsWith(`${hostile.url}/panel`))!;
    });

    it('gives a frame a token of its own installation, whatever it asks for', async () => {
      const own = await frame.evaluate(() => (window as any).api('auth', 'withToken'));
      expect((jwt.decode(own.result) as jwt.JwtPayload).iss).toBe(hostileId);
      const forged = await frame.evaluate((weather) => (window as any).raw({ type: 'req', mid: 'x1', mod: 'auth', fn: 'withToken', args: [{ oauthId: weather }], oauthId: weather }), stack.installation.oauthId);
      expect((jwt.decode(forged.args[1]) as jwt.JwtPayload).iss).toBe(hostileId);
    });

    it('does not answer a frame the host did not open, even of the same origin', async () => {
      const before = warnings.length;
      const answer = await frame.evaluate(() => (window as any).fromNested({ type: 'req', mid: 'n1', mod: 'auth', fn: 'withToken', args: [] }));
      expect(answer).toBe('no answer');
      expect(warnings.slice(before).some((warning) => warning.startsWith('emulator: refused a message from'))).toBe(true);
    });

    it('does not let a frame close or change another add-on\'s dialog', async () => {
      await stack.emulator.postMessage({ room: 'Lobby', user: '@Grace', message: 'Sun in Rome?' });
      const message = page.locator('#messages > li', { hasText: 'Sun in Rome?' });
      await message.locator('summary').click();
      await message.getByRole('button', { name: 'Forecast for this city' }).click();
      await page.locator('#dialog-title', { hasText: 'Forecast' }).waitFor();
      const closed = await frame.evaluate(() => (window as any).api('dialog', 'close'));
      const changed = await frame.evaluate(() => (window as any).api('dialog', 'update', { title: 'Pwned' }));
      expect([closed.error.code, changed.error.code]).toEqual(['NO_DIALOG', 'NO_DIALOG']);
      await expect(page.locator('#dialog-title').textContent()).resolves.toBe('Forecast');
      expect(await page.locator('dialog#dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(true);
      await page.getByRole('button', { name: 'Close', exact: true }).click();
    });

    it('answers a call it does not offer with an error, at once', async () => {
      const answer = await frame.evaluate(() => (window as any).api('room', 'create', 'Pwned room', 'topic', 'public'));
      expect(answer.error.code).toBe('UNKNOWN_CALL');
    });

    it('stops talking to a frame that navigated to another origin', async () => {
      const refused = page.waitForEvent('console', (message) => message.text() === `emulator: refused a message from ${foreign.url}: it is not the frame it claims to be`);
      await frame.evaluate((impostor) => void (location.href = impostor), `${foreign.url}/impostor`);
      await refused;
    });
  });

  describe('all.js in an add-on page', () => {
    it('hears only the host, so another page cannot click the dialog\'s buttons', async () => {
      const url = await signedViewUrl(stack.emulator.url, { oauthId: stack.installation.oauthId, key: 'choose-city' });
      const other = await browser.newPage();
      const posts: string[] = [];
      other.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
      await other.goto(`${foreign.url}/frame?src=${encodeURIComponent(url)}`);
      const dialog = other.frameLocator('#addon');
      await dialog.locator('#city').fill('Pwnville');
      await other.evaluate(() => {
        const target = document.querySelector('iframe')!.contentWindow!;
        target.postMessage({ type: 'evt', etyp: 'dialog-button-click', evnt: { action: 'save' }, mid: 'h1' }, '*');
      });
      await other.waitForTimeout(500);
      expect(posts.filter((url) => url.endsWith('/api/city'))).toEqual([]);
      await other.close();
    });
  });
});

