import type { Emulator } from 'hipchat-connect/emulator';

/** POSTs to the emulator's token endpoint the way a client would, as a form (default) or as JSON. */
export async function postToken(
  emulator: Emulator,
  credentials: { oauthId: string; oauthSecret: string } | undefined,
  fields: Record<string, string>,
  encoding: 'form' | 'json' = 'form',
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = {
    'content-type': encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
  };
  if (credentials) headers.authorization = `Basic ${Buffer.from(`${credentials.oauthId}:${credentials.oauthSecret}`).toString('base64')}`;
  const body = encoding === 'form' ? new URLSearchParams(fields).toString() : JSON.stringify(fields);
  const response = await fetch(`${emulator.apiUrl}/oauth/token`, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
