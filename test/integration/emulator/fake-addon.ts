import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

/**
 * A throwaway add-on for the emulator's integration tests: it serves a descriptor, records what the host
 * sends it, and behaves as installation (docs/protocol.md#installation) asks of an add-on only where a test
 * needs it to (it proves the credentials during the install callback, and asks for a token before accepting
 * an uninstall).
 */
export interface FakeAddon {
  url: string;
  descriptorUrl: string;
  /** Served as it is at each GET; tests change it to change the add-on. */
  descriptor: Record<string, any>;
  /** The answer to install and update callbacks. */
  installAnswer: { status: number; body?: unknown };
  /** Runs inside the install callback, before the add-on answers, as ACE's `installed` listeners did. */
  duringInstall?: (credentials: { oauthId: string; oauthSecret: string; capabilitiesUrl: string }) => Promise<void>;
  /** The answer to webhooks. */
  webhookAnswer: { status: number; body?: unknown };
  installs: Array<{ path: string; body: any; tokenStatus: number }>;
  uninstalls: Array<{ oauthId: string; tokenStatus: number }>;
  webhooks: Array<{ path: string; authorization?: string; query: Record<string, unknown>; body: any }>;
  close(): Promise<void>;
}

export async function startFakeAddon(): Promise<FakeAddon> {
  const app = express();
  app.use(express.json());
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = new Map<string, { oauthSecret: string; capabilitiesUrl: string }>();
  const addon: FakeAddon = {
    url,
    descriptorUrl: `${url}/descriptor`,
    descriptor: descriptorFor(url),
    installAnswer: { status: 200, body: { ok: true } },
    webhookAnswer: { status: 204 },
    installs: [],
    uninstalls: [],
    webhooks: [],
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };

  app.get('/descriptor', (_req, res) => {
    res.json(addon.descriptor);
  });
  app.post(['/installed', '/updated'], async (req, res) => {
    const body = req.body as { oauthId: string; oauthSecret: string; capabilitiesUrl: string };
    const tokenStatus = await askForToken(body.capabilitiesUrl, body.oauthId, body.oauthSecret);
    addon.installs.push({ path: req.path, body, tokenStatus });
    credentials.set(body.oauthId, body);
    if (req.path === '/installed') await addon.duringInstall?.(body);
    res.status(addon.installAnswer.status).json(addon.installAnswer.body);
  });
  app.delete('/installed/:oauthId', async (req, res) => {
    const known = credentials.get(req.params.oauthId);
    if (!known) return res.status(404).end();
    const tokenStatus = await askForToken(known.capabilitiesUrl, req.params.oauthId, known.oauthSecret);
    addon.uninstalls.push({ oauthId: req.params.oauthId, tokenStatus });
    res.status(tokenStatus === 401 ? 204 : 403).end();
  });
  app.post('/webhook/:name', (req, res) => {
    addon.webhooks.push({ path: req.path, authorization: req.get('authorization'), query: req.query as Record<string, unknown>, body: req.body });
    res.status(addon.webhookAnswer.status);
    if (addon.webhookAnswer.body === undefined) res.end();
    else res.json(addon.webhookAnswer.body);
  });
  return addon;
}

function descriptorFor(url: string): Record<string, any> {
  return {
    key: 'com.example.fake',
    name: 'Fake',
    description: 'A throwaway add-on for the emulator tests',
    links: { self: `${url}/descriptor` },
    capabilities: {
      hipchatApiConsumer: { scopes: ['send_notification', 'view_room'] },
      installable: { callbackUrl: `${url}/installed` },
      webhook: [
        { url: `${url}/webhook/weather`, event: 'room_message', pattern: '(?i)^/weather', authentication: 'jwt', key: 'weather' },
        { url: `${url}/webhook/enter`, event: 'room_enter', authentication: 'jwt', key: 'enter' },
      ],
    },
  };
}

/** As an add-on does: find the token URL in the host's capabilities document, then ask with Basic. */
async function askForToken(capabilitiesUrl: string, oauthId: string, oauthSecret: string): Promise<number> {
  const capabilities = (await (await fetch(capabilitiesUrl)).json()) as { capabilities: { oauth2Provider: { tokenUrl: string } } };
  const response = await fetch(capabilities.capabilities.oauth2Provider.tokenUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${oauthId}:${oauthSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'send_notification' }).toString(),
  });
  return response.status;
}
