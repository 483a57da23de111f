import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { capabilitiesDocument, hostUrls } from '../../lib/emulator/capabilities';

/**
 * A stand-in host that issues a token for any client credentials, after a delay: what a hostile or
 * careless host looks like to the install flow, and the widest window for installs to race in. Unlike
 * the emulator, it lets a test install one oauthId with as many secrets as it likes.
 */
export interface LaxHost {
  capabilitiesUrl: string;
  /** From now on, refuse (401) every token request: the host removed the clients, as after an uninstall. */
  refuseTokens(): void;
  close(): Promise<void>;
}

export async function startLaxHost(tokenDelayMs = 20): Promise<LaxHost> {
  let refusing = false;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v2/capabilities') {
      const body = JSON.stringify(capabilitiesDocument(hostUrls(urlOf())));
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    }
    req.resume();
    void delay(tokenDelayMs).then(() => {
      if (refusing) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
      const token = { access_token: 'issued-to-anyone', expires_in: 3600, group_id: 1, group_name: 'Lax', scope: 'send_notification', token_type: 'bearer' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(token));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const urlOf = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    capabilitiesUrl: hostUrls(urlOf()).capabilitiesUrl,
    refuseTokens: () => void (refusing = true),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
