import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BrowserTrace } from './browser-trace';

/** Debian's Chromium, driven by playwright-core (no browser download); `.ci/run` installs it when missing. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots');

/**
 * Waits are budgets, not assertions: on a 2-core machine running the other suites beside these, a frame
 * can take seconds to load. A failing wait still says what it waited for, inside jest's own timeout.
 */
const WAIT_MS = 25_000;
jest.setTimeout(90_000);

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Script errors in any page, frames included, for a test to assert there were none. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile: playwright starts it with a `--user-data-dir` of its own in
 * the temporary folder and removes it on close, so no run sees another's cookies or storage.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1200, height: 720 } });
  context.setDefaultTimeout(WAIT_MS);
  const pageErrors: string[] = [];
  const trace = new BrowserTrace(context);
  return {
    context,
    pageErrors,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      trace.follow(page);
      return page;
    },
    async close() {
      trace.save();
      await context.close();
      await browser.close();
    },
  };
}

/** Saves the page, or one element of it, as test-output/screenshots/<name>.png (gitignored), for a person to look at. */
export async function screenshot(what: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await what.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
