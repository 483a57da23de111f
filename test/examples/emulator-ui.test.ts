import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { createAddon, MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import { startEmulator, type Emulator } from 'hipchat-connect/emulator';

let emulator: Emulator;
let addon: Addon;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  emulator = await startEmulator();
  addon = createAddon({
    key: 'com.example.status', name: 'Status', description: 'The build, in the sidebar',
    scopes: ['send_notification', 'view_room'], store: new MemoryStore(), development: true, logger: silentLogger,
  });
  addon.glance('build', { name: 'Build', icon: '/icon.png', target: 'builds' }, () => ({ label: { type: 'html', value: '<b>All</b> green' } }));
  addon.webPanel('builds', { name: 'Builds' }, (_req, res) => {
    res.send(`<!doctype html><html><head>${res.locals.hipchat.scripts}</head><body><h1>Builds of room ${res.locals.hipchat.roomId}</h1></body></html>`);
  });
  server = await addon.listen({ port: 0 });
  const { port } = server.address() as AddressInfo;
  await emulator.install({ descriptorUrl: `http://127.0.0.1:${port}/atlassian-connect.json`, roomId: 1 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
});

afterAll(async () => {
  await browser.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await addon.close();
  await emulator.close();
});

test('the glance shows in the sidebar and opens its view', async () => {
  const page = await browser.newPage();
  await page.goto(`${emulator.url}/?room=1&user=1`);      // the Lobby, as Ada
  const glance = page.locator('.glance[data-key="build"]');
  await glance.getByText('All green').waitFor();            // queried from the browser, signed by the emulator
  await glance.click();
  await page.frameLocator('.panel-frame').getByText('Builds of room 1').waitFor();
});
