import express from 'express';
import type { Redis } from 'ioredis';
import { listen, type Served } from '../../support/serve';

/**
 * An add-on as ACE-HipChat 0.3 over atlassian-connect-express-redis kept its installations, written
 * for this test from what those frameworks did (no code of theirs): `/installable` fetches the host's
 * capabilities document, asks for a token with the new credentials to learn the group, and saves
 *   <prefix><clientKey>:clientInfo = JSON {clientKey, oauthSecret, capabilitiesUrl, capabilitiesDoc, roomId, groupId, groupName}
 * with a plain SET, and its token cache beside it under `<clientKey>:<scopes joined by |>`.
 */
export interface AceHipChatAddon extends Served {
  descriptorUrl: string;
  /** Where a saved record lives, for the test to damage or read. */
  keyOf(clientKey: string): string;
}

const SCOPES = ['send_notification', 'view_room'];

export async function startAceHipChatAddon(redis: Redis, prefix: string): Promise<AceHipChatAddon> {
  const app = express();
  app.use(express.json());
  const keyOf = (clientKey: string) => `${prefix}${clientKey}:clientInfo`;
  let baseUrl = '';
  app.get('/atlassian-connect.json', (_req, res) => {
    res.json({
      key: 'com.example.ace-weather', name: 'ACE Weather', description: 'Written with ACE-HipChat',
      links: { self: `${baseUrl}/atlassian-connect.json`, homepage: baseUrl },
      capabilities: {
        hipchatApiConsumer: { scopes: SCOPES, fromName: 'ACE Weather' },
        installable: { callbackUrl: `${baseUrl}/installable` },
        webhook: [{ url: `${baseUrl}/webhook`, event: 'room_message', pattern: '^/weather', authentication: 'jwt' }],
      },
    });
  });
  app.post('/installable', async (req, res) => {
    const { oauthId, oauthSecret, capabilitiesUrl, roomId } = req.body as { oauthId: string; oauthSecret: string; capabilitiesUrl: string; roomId?: number };
    const capabilitiesDoc = (await (await fetch(capabilitiesUrl)).json()) as { capabilities: { oauth2Provider: { tokenUrl: string } } };
    const token = (await (await fetch(capabilitiesDoc.capabilities.oauth2Provider.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${oauthId}:${oauthSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: SCOPES.join(' ') }).toString(),
    })).json()) as { access_token: string; expires_in: number; group_id: number; group_name: string };
    const clientInfo = { clientKey: oauthId, oauthSecret, capabilitiesUrl, capabilitiesDoc, roomId, groupId: token.group_id, groupName: token.group_name };
    await redis.set(`${prefix}${oauthId}:${SCOPES.join('|')}`, JSON.stringify({ ...token, created: Date.now() / 1000 }));
    await redis.set(keyOf(oauthId), JSON.stringify(clientInfo));
    res.status(204).end();
  });
  const served = await listen(app);
  baseUrl = served.url;
  return { ...served, descriptorUrl: `${served.url}/atlassian-connect.json`, keyOf };
}
