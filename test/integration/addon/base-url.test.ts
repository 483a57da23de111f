import express from 'express';
import request from 'supertest';
import { connectTestRedis, type TestRedis } from '../../support/redis';
import { listen, serveAddon, type Served } from '../../support/serve';
import { keysOf, redisStore, startStack, type Stack } from '../../support/stack';

/** The URLs the served descriptor gives the host, however the add-on is reached. */
describe('the base URL in the served descriptor', () => {
  let redis: TestRedis;
  let stack: Stack;
  let proxied: Served;
  let mounted: Served;
  let withHome: Served;

  beforeAll(async () => {
    redis = connectTestRedis();
    stack = await startStack({ store: redisStore(redis.redis, redis.prefix) });
    // The same add-on in the apps an author might build around it.
    proxied = await serveAddon(stack.addon, (app) => app.set('trust proxy', true));
    mounted = await serveApp((app) => {
      app.set('trust proxy', true);
      app.use('/addon', stack.addon.router);
    });
    withHome = await serveApp((app) => {
      app.use(stack.addon.router);
      app.get('/', (_req, res) => res.type('html').send('<h1>Weather</h1>'));
    });
  });
  afterAll(async () => {
    await Promise.all([proxied.close(), mounted.close(), withHome.close()]);
    await stack.close();
    await redis.cleanup();
  });

  const ngrok = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'abc.ngrok.io' };

  it('uses the baseUrl option over anything the request says', async () => {
    const fixed = await startStack({ store: redisStore(redis.redis, `${redis.prefix}fixed:`), baseUrl: 'https://weather.example.com/hipchat/' });
    try {
      const descriptor = await descriptorAt(fixed.served.url, { host: 'elsewhere.example.org', ...ngrok });
      expect(urlsOf(descriptor)).toEqual(expectedUrls('https://weather.example.com/hipchat'));
    } finally {
      await fixed.close();
    }
  });

  it('derives the base URL from the Host header', async () => {
    const descriptor = await descriptorAt(stack.served.url, { host: 'weather.example.org:8443' });
    expect(urlsOf(descriptor)).toEqual(expectedUrls('http://weather.example.org:8443'));
  });

  it('includes the path the router is mounted at', async () => {
    const descriptor = await descriptorAt(`${mounted.url}/addon`);
    expect(urlsOf(descriptor)).toEqual(expectedUrls(`${mounted.url}/addon`));
  });

  it('honours X-Forwarded-Proto and X-Forwarded-Host when the app trusts the proxy', async () => {
    expect(urlsOf(await descriptorAt(proxied.url, ngrok))).toEqual(expectedUrls('https://abc.ngrok.io'));
    expect(urlsOf(await descriptorAt(`${mounted.url}/addon`, ngrok))).toEqual(expectedUrls('https://abc.ngrok.io/addon'));
  });

  it.each([
    ['a forwarded host with a path and query', { 'x-forwarded-host': 'evil.example/x?y=1' }],
    ['a forwarded host with credentials', { 'x-forwarded-host': 'user:pass@evil.example' }],
  ])('refuses %s with a coded 400, and serves no descriptor for it', async (_case, headers) => {
    const response = await request(proxied.url).get('/atlassian-connect.json').set(headers);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PAYLOAD_INVALID');
  });

  it('ignores X-Forwarded-* when the app does not trust a proxy', async () => {
    const descriptor = await descriptorAt(stack.served.url, ngrok);
    expect(urlsOf(descriptor)).toEqual(expectedUrls(stack.served.url));
  });

  it('answers GET / with the descriptor for JSON clients and leaves HTML to the app', async () => {
    const json = await request(withHome.url).get('/').set('accept', 'application/json');
    expect(json.status).toBe(200);
    expect(urlsOf(json.body)).toEqual(expectedUrls(withHome.url));

    const html = await request(withHome.url).get('/').set('accept', 'text/html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toBe('<h1>Weather</h1>');
  });

  it('installs, receives a webhook and uninstalls through the emulator when mounted under a prefix', async () => {
    const { oauthId } = await stack.emulator.install({ descriptorUrl: `${mounted.url}/addon/atlassian-connect.json` });
    await expect(stack.store.fetchInstallation(oauthId)).resolves.toMatchObject({ oauthId, capabilitiesUrl: stack.emulator.capabilitiesUrl });

    const delivery = await stack.emulator.sendWebhook({ oauthId, event: 'room_message', item: { message: { message: '/weather Lima' } } });
    expect(delivery.url).toBe(`${mounted.url}/addon/webhooks/weather`);
    expect(delivery.status).toBe(200);

    expect((await stack.emulator.uninstall(oauthId)).status).toBe(204);
    expect(await keysOf(redis.redis, redis.prefix, oauthId)).toEqual([]);
  });
});

function serveApp(configure: (app: express.Express) => void): Promise<Served> {
  const app = express();
  configure(app);
  return listen(app);
}

async function descriptorAt(baseUrl: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await request(baseUrl).get('/atlassian-connect.json').set(headers);
  expect(response.status).toBe(200);
  return response.body;
}

interface ServedUrls {
  self: string;
  callback: string;
  webhook: string;
}

function urlsOf(descriptor: any): ServedUrls {
  return {
    self: descriptor.links.self,
    callback: descriptor.capabilities.installable.callbackUrl,
    webhook: descriptor.capabilities.webhook[0].url,
  };
}

function expectedUrls(base: string): ServedUrls {
  return { self: `${base}/atlassian-connect.json`, callback: `${base}/installable`, webhook: `${base}/webhooks/weather` };
}
