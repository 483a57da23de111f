import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { traceFileFor } from './browser-trace-file';

const ROOT = path.join(__dirname, '..', '..');

/**
 * What the browser did, for a person reading a failure from CI: every console message, response, failed
 * request and frame navigation of every page and frame, with the time, and the requests still waiting
 * at the end (a response that never came leaves no other mark). `.ci/run` prints the end of the trace
 * of each browser suite that failed.
 */
export class BrowserTrace {
  readonly lines: string[] = [];
  readonly #waiting = new Set<Request>();

  constructor(context: BrowserContext) {
    context.on('console', (message) => this.#add(`console.${message.type()} ${message.location().url}: ${message.text()}`));
    context.on('request', (request) => this.#waiting.add(request));
    context.on('response', (response) => {
      this.#waiting.delete(response.request());
      this.#add(`${response.status()} ${response.request().method()} ${short(response.url())}`);
    });
    context.on('requestfailed', (request) => {
      this.#waiting.delete(request);
      this.#add(`failed ${request.method()} ${short(request.url())}: ${request.failure()?.errorText}`);
    });
  }

  /** Follows a page's own events, which the context does not report. */
  follow(page: Page): void {
    page.on('pageerror', (error) => this.#add(`uncaught ${error.message}`));
    page.on('framenavigated', (frame) => this.#add(`${frame === page.mainFrame() ? 'page' : 'frame'} at ${short(frame.url())}`));
    page.on('framedetached', (frame) => this.#add(`frame gone from ${short(frame.url())}`));
  }

  /** Writes the suite's trace where `.ci/run` looks for it (browser-trace-file.js). */
  save(): void {
    const file = traceFileFor(ROOT, expect.getState().testPath ?? path.join(ROOT, 'browser'));
    const waiting = [...this.#waiting].map((request) => `still waiting: ${request.method()} ${short(request.url())}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, [...this.lines, ...waiting, ''].join('\n'));
  }

  #add(line: string): void {
    this.lines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  }
}

/** Signed requests make long URLs; their signature says nothing to a reader. */
function short(url: string): string {
  return url.replace(/(signed_request=[\w-]{12})[\w.-]*/, '$1…');
}
