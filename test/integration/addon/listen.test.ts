import { createServer, type Server } from 'node:net';
import express from 'express';
import request from 'supertest';
import { createWeatherAddon } from '../../../lib/demo/weather';
import { MemoryStore, silentLogger, type Addon } from 'hipchat-connect';
import { recordingLogger } from '../../support/recording-logger';
import { serveStandalone, type Served } from '../../support/serve';

/** A port held by another server for the length of a test. */
async function heldPort(): Promise<{ port: number; release(): Promise<void> }> {
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as { port: number };
  return { port, release: () => new Promise((resolve) => holder.close(() => resolve())) };
}

describe('addon.listen(): where it listens, and errors that name the setting', () => {
  const saved = { PORT: process.env.PORT };
  let addon: Addon;
  beforeEach(() => {
    addon = createWeatherAddon({ store: new MemoryStore(), logger: silentLogger });
  });
  afterEach(async () => {
    if (saved.PORT === undefined) delete process.env.PORT;
    else process.env.PORT = saved.PORT;
    await addon.close();
  });

  it('refuses a port in use with LISTEN_FAILED naming the port and options.port', async () => {
    const held = await heldPort();
    try {
      const failure = addon.listen({ port: held.port, host: '127.0.0.1' });
      await expect(failure).rejects.toMatchObject({ code: 'LISTEN_FAILED', details: { port: held.port, setting: 'port', reason: 'EADDRINUSE' } });
      await expect(failure).rejects.toThrow(`Port ${held.port} is already in use on 127.0.0.1: stop what listens there, or choose another port with options.port`);
    } finally {
      await held.release();
    }
  });

  it('names PORT when the port in use came from the environment', async () => {
    const held = await heldPort();
    process.env.PORT = String(held.port);
    try {
      await expect(addon.listen({ host: '127.0.0.1' })).rejects.toThrow(/already in use .* with the PORT environment variable \(0 picks a free one\)/);
    } finally {
      await held.release();
    }
  });

  it.each(['abc', '70000', ' ', '3000.5'])('refuses PORT=%j with OPTION_INVALID naming PORT, before listening', async (value) => {
    process.env.PORT = value;
    await expect(addon.listen({ host: '127.0.0.1' })).rejects.toMatchObject({
      code: 'OPTION_INVALID', details: { variable: 'PORT' }, message: 'The environment variable PORT must be a whole number from 0 to 65535 (0 picks a free port)',
    });
  });

  it.each([-1, 65536, 1.5, Number.NaN])('refuses options.port %p with OPTION_INVALID naming port', async (port) => {
    await expect(addon.listen({ port })).rejects.toMatchObject({ code: 'OPTION_INVALID', details: { option: 'port' } });
  });

  it('logs one line at info once it listens: its URL and its descriptor URL', async () => {
    const { logger, entries } = recordingLogger();
    const logged = createWeatherAddon({ store: new MemoryStore(), logger });
    const served = await serveStandalone(logged);
    try {
      expect(entries).toEqual([{ level: 'info', fields: { url: served.url, descriptor: `${served.url}/atlassian-connect.json` }, message: 'Weather listening' }]);
    } finally {
      await served.close();
      await logged.close();
    }
  });
});

describe("addon.listen({ app }): the author's trust proxy", () => {
  const served: Served[] = [];
  const addons: Addon[] = [];
  afterAll(async () => {
    await Promise.all(served.map((one) => one.close()));
    await Promise.all(addons.map((one) => one.close()));
  });
  const forwarded = { 'x-forwarded-host': 'weather.example.com', 'x-forwarded-proto': 'https' };

  async function standalone(configure: (app: express.Express) => void) {
    const { logger, entries } = recordingLogger();
    const addon = createWeatherAddon({ store: new MemoryStore(), logger });
    const app = express();
    configure(app);
    const one = await serveStandalone(addon, app);
    addons.push(addon);
    served.push(one);
    return { url: one.url, warnings: () => entries.filter((entry) => entry.level === 'warn') };
  }

  it("honours app.set('trust proxy', …) on the author's app, set before or after listen()", async () => {
    let later: express.Express | undefined;
    const before = await standalone((app) => app.set('trust proxy', 'loopback'));
    const after = await standalone((app) => { later = app; });
    later!.set('trust proxy', true);
    for (const { url, warnings } of [before, after]) {
      const descriptor = await request(url).get('/atlassian-connect.json').set(forwarded);
      expect(descriptor.body.links.self).toBe('https://weather.example.com/atlassian-connect.json');
      expect(warnings()).toEqual([]);
    }
  });

  it('warns once, the first time forwarded headers arrive from a proxy nobody trusts', async () => {
    const { url, warnings } = await standalone(() => {});
    for (let i = 0; i < 3; i += 1) {
      const descriptor = await request(url).get('/atlassian-connect.json').set(forwarded);
      expect(descriptor.body.links.self).toBe(`${url}/atlassian-connect.json`);
    }
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]!.message).toContain("app.set('trust proxy', …)");
    expect(warnings()[0]!.fields).toMatchObject({ forwardedHost: 'weather.example.com', host: url.slice('http://'.length) });
  });
});
