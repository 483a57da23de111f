import type { AddressInfo } from 'node:net';
import type { FrameLocator, Page, Request } from 'playwright-core';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { MemoryStore, silentLogger } from 'hipchat-connect';
import { launchBrowser, screenshot, type TestBrowser } from '../../support/browser';
import { startDemoStack, type DemoStack } from '../../support/demo-stack';
import { notifyRoom } from '../../support/room-notification';

/**
 * The demo add-on in a real emulator, seen through its web UI in headless Chromium: the room, the
 * glance, the sidebar and its dialog, a slash command, a message action, a glance push, the admin page.
 * The tests run in order on one page, as a person would click through.
 */
describe('the emulator\'s web UI with the demo add-on', () => {
  let stack: DemoStack;
  let browser: TestBrowser;
  let page: Page;
  const addonRequests: Request[] = [];

  beforeAll(async () => {
    stack = await startDemoStack();
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('request', (request) => request.url().startsWith(stack.addonUrl) && addonRequests.push(request));
    await page.goto(`${stack.emulator.url}/?room=1&user=1`);
    await page.waitForSelector('body[data-ready]');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  afterEach(() => expect(browser.pageErrors).toEqual([]));

  const glance = () => page.locator('.glance[data-key="forecast"]');
  const panel = (): FrameLocator => page.frameLocator('.panel-frame');
  const dialog = () => page.locator('dialog#dialog');
  const dialogPage = (): FrameLocator => page.frameLocator('.dialog-frame');
  const messages = () => page.locator('#messages > li');

  it('shows the room and the glance the add-on answers, queried from the browser with a signed request', async () => {
    await expect(page.locator('#room-title').textContent()).resolves.toBe('Lobby');
    await glance().getByText('21° and sunny').waitFor();
    await expect(glance().locator('b').textContent()).resolves.toBe('21°');
    await expect(glance().locator('.lozenge-success').textContent()).resolves.toBe('Fine');
    const query = new URL(addonRequests.find((request) => request.url().includes('/glances/forecast'))!.url());
    expect(query.searchParams.get('signed_request')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(query.searchParams.get('connect_client_api_version')).toBe('1');
    await screenshot(page.locator('#glances'), 'glances');
  });

  it('sends a typed message to the slash command and shows the reply', async () => {
    await page.fill('#message-input', '/weather Lisbon');
    await page.press('#message-input', 'Enter');
    await messages().filter({ hasText: 'Sunny in Lisbon, 21°' }).waitFor();
    await expect(messages().last().locator('.sender').textContent()).resolves.toBe('Weather');
    expect(stack.emulator.log.webhooksSent.at(-1)).toMatchObject({ event: 'room_message', status: 200 });
  });

  it('shows an HTML notification and its card within the allowed tags', async () => {
    const sent = await notifyRoom(stack.emulator, 'Lobby', {
      message: 'Deployed <b>v2.1</b> to <a href="https://example.com/releases/2.1">production</a>', color: 'purple',
      card: {
        style: 'application', id: 'release-2.1', title: 'Release 2.1', url: 'https://example.com/releases/2.1',
        description: { value: 'Shipped by <strong>Grace</strong>, <i>no downtime</i>', format: 'html' },
        attributes: [{ label: 'Status', value: { label: 'live', style: 'lozenge-success' } }, { label: 'Region', value: { label: 'eu-west' } }],
      },
    }, 'Deploys');
    expect(sent).toBe(204);
    const notification = messages().filter({ hasText: 'Deployed v2.1' });
    await expect(notification.locator('.body b').textContent()).resolves.toBe('v2.1');
    expect(await notification.locator('.body a').evaluate((link) => [link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]))
      .toEqual(['https://example.com/releases/2.1', '_blank', 'noopener noreferrer']);
    await expect(notification.locator('.card-title a').textContent()).resolves.toBe('Release 2.1');
    await expect(notification.locator('.card-description strong').textContent()).resolves.toBe('Grace');
    await expect(notification.locator('.card-attributes .lozenge-success').textContent()).resolves.toBe('live');
    await screenshot(page, 'room');
  });

  it('opens a module of the add-on from a data-target link in its notification, and from no one else\'s', async () => {
    await stack.addon.client(stack.installation).rooms.notify('Lobby', { message: 'See <a data-target="forecast-panel">the forecast</a>', message_format: 'html' });
    await notifyRoom(stack.emulator, 'Lobby', { message: 'Not mine: <a data-target="forecast-panel">a forecast</a>' });
    const foreign = messages().filter({ hasText: 'Not mine' }).locator('a');
    await foreign.waitFor();
    expect(await foreign.getAttribute('href')).toBeNull();
    await messages().filter({ hasText: 'See the forecast' }).getByRole('link', { name: 'the forecast' }).click();
    await panel().locator('#forecast').getByText('Paris: today 21°, sunny').waitFor();
    await page.locator('.panel .back').click();
  });

  it('opens the glance\'s sidebar with the add-on\'s page, which calls back to the add-on with its page token', async () => {
    await glance().click();
    await panel().locator('#forecast').getByText('Paris: today 21°, sunny').waitFor();
    await expect(panel().locator('#asker').textContent()).resolves.toBe('Answered by the add-on for user 1 in room 1.');
    const call = addonRequests.find((request) => request.url().endsWith('/api/forecast'))!;
    expect(await call.headerValue('authorization')).toMatch(/^JWT [\w-]+\.[\w-]+\.[\w-]+$/);
    const pageLoad = addonRequests.find((request) => request.url().includes('/pages/forecast-panel'))!;
    expect(new URL(pageLoad.url()).searchParams.get('signed_request')).toBeTruthy();
    await screenshot(page, 'sidebar');
  });

  it('opens a dialog from the page, delivers its primary button click, closes it, and the glance follows the push', async () => {
    await panel().locator('#choose').click();
    await expect(dialog().locator('#dialog-title').textContent()).resolves.toBe('Choose a city');
    const save = dialog().getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);
    await dialogPage().locator('#city').fill('Oslo');
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('dialog .primary')?.disabled);
    await expect(dialog().locator('.hint').textContent()).resolves.toBe('The glance follows the city');
    await screenshot(page, 'dialog');

    await save.click();
    await dialog().waitFor({ state: 'hidden' });
    expect(addonRequests.some((request) => request.url().endsWith('/api/city') && request.method() === 'POST')).toBe(true);
    // The sidebar heard glance-update and asked the add-on again.
    await panel().locator('#forecast').getByText('Oslo: today 21°, sunny').waitFor();
    expect(stack.emulator.log.glancePushes.at(-1)).toMatchObject({ key: 'forecast', scope: { room: 1 } });
  });

  it('closes a dialog whose secondary button the page handles by closing', async () => {
    await panel().locator('#choose').click();
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'hidden' });
  });

  it('shows the pushed glance once back from the sidebar view', async () => {
    await page.locator('.panel .back').click();
    await glance().getByText('21° and sunny in Oslo').waitFor();
  });

  it('updates the label when the add-on pushes, without a query', async () => {
    const queries = addonRequests.filter((request) => request.url().includes('/glances/forecast')).length;
    await stack.addon.client(stack.installation).glances.push({ room: 1 }, [{ key: 'forecast', content: { label: { type: 'html', value: '<em>Storm</em> warning' } } }]);
    await glance().getByText('Storm warning').waitFor();
    await expect(glance().locator('em').textContent()).resolves.toBe('Storm');
    expect(addonRequests.filter((request) => request.url().includes('/glances/forecast'))).toHaveLength(queries);
  });

  it('offers the message action only on messages that name a city, and opens its dialog with the message', async () => {
    await stack.emulator.postMessage({ room: 'Lobby', user: '@Grace', message: 'Is it raining in Tokyo?' });
    await stack.emulator.postMessage({ room: 'Lobby', user: '@Grace', message: 'Lunch at noon?' });
    const tokyo = messages().filter({ hasText: 'Is it raining in Tokyo?' });
    await messages().filter({ hasText: 'Lunch at noon?' }).waitFor();
    expect(await messages().filter({ hasText: 'Lunch at noon?' }).locator('summary').count()).toBe(0);

    await tokyo.locator('summary[aria-label="Message actions"]').click();
    await screenshot(page, 'action-menu');
    await tokyo.getByRole('button', { name: 'Forecast for this city' }).click();
    await expect(dialog().locator('#dialog-title').textContent()).resolves.toBe('Forecast');
    await dialogPage().locator('#forecast').getByText('Tokyo: today 21°, sunny').waitFor();
    await expect(dialogPage().locator('#asker').textContent()).resolves.toBe('From Grace Hopper: "Is it raining in Tokyo?"');
    await screenshot(page, 'action-dialog');
    await dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await dialog().waitFor({ state: 'hidden' });
  });

  it('opens an input action with the draft, whose dialog puts text into the input box', async () => {
    await page.fill('#message-input', 'Weekend in Madrid');
    await page.locator('#input-actions summary').click();
    await page.getByRole('button', { name: 'Insert a forecast' }).click();
    await dialogPage().locator('#forecast').getByText('Madrid: today 21°, sunny').waitFor();
    await dialog().getByRole('button', { name: 'Insert' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await expect(page.inputValue('#message-input')).resolves.toBe('Weekend in Madrid Madrid: today 21°, sunny, tomorrow 19°, a light breeze from the west.');
    await page.fill('#message-input', '');
  });

  it('lists the installation on the admin page and opens its configuration page', async () => {
    await page.getByRole('button', { name: 'Add-ons' }).click();
    const row = page.locator(`tr[data-oauth-id="${stack.installation.oauthId}"]`);
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('Room Lobby');
    await row.getByRole('button', { name: 'Configure' }).click();
    const settings = page.frameLocator('.configure-frame');
    await expect(settings.locator('#city').inputValue()).resolves.toBe('Oslo');
    await settings.locator('#city').fill('Rome');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved.').waitFor();
    await screenshot(page, 'configure');
  });

  it('installs from a descriptor URL into the group, and uninstalls', async () => {
    await page.fill('input[name="url"]', `${stack.addonUrl}/atlassian-connect.json`);
    await page.selectOption('#install-target', '');
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    const installed = page.locator('#installations tr', { hasText: 'The whole group' });
    await installed.waitFor();
    expect(stack.emulator.log.installs.at(-1)).toMatchObject({ kind: 'install', accepted: true, roomId: undefined });
    await installed.getByRole('button', { name: 'Uninstall' }).click();
    await installed.waitFor({ state: 'detached' });
    expect(stack.emulator.log.uninstalls.at(-1)).toMatchObject({ status: 204 });
  });

  it('refuses an install the host cannot make, and says why', async () => {
    await page.fill('input[name="url"]', 'http://127.0.0.1:9/nothing.json');
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await page.locator('#notice').getByText(/descriptor URL/).waitFor();
  });

  it("shows the add-on's own sentence when the add-on refuses the host, as the installer is answered", async () => {
    // The README's add-on started without NODE_ENV=development: loopback hosts are not on its allowlist.
    const strict = createWeatherAddon({ store: new MemoryStore(), development: false, logger: silentLogger });
    const server = await strict.listen({ port: 0 });
    try {
      await page.fill('input[name="url"]', `http://127.0.0.1:${(server.address() as AddressInfo).port}/atlassian-connect.json`);
      await page.getByRole('button', { name: 'Install', exact: true }).click();
      const origin = new URL(stack.emulator.url).origin;
      await page.locator('#notice').getByText(`The add-on refused the install. This add-on does not accept installations from ${origin}: to allow them, `
        + `start it with NODE_ENV=development (or the option development: true), which accepts loopback hosts, or add "${origin}" to the allowedHosts option.`).waitFor();
    } finally {
      server.close();
      await strict.close();
    }
  });
});
