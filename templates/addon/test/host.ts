import type { Emulator } from 'hipchat-connect/emulator';

/** Who looks at a page, and where, as the emulator's web UI asks for one. */
export interface Viewing {
  oauthId: string;
  user: number;
  room: number;
}

/**
 * What a browser gets when the host opens one of the add-on's pages: the emulator signs the page's URL
 * for this user and room (as HipChat's web client did), and the add-on answers with the page, whose
 * client helper tag carries the page token the page sends back to the add-on's own API.
 */
export async function openPage(emulator: Emulator, viewing: Viewing, key?: string): Promise<{ status: number; html: string; token: string }> {
  const url = key === undefined
    ? (await askHost(emulator, '/emulator/ui/configuration-pages', viewing)).url
    : (await askHost(emulator, '/emulator/ui/views', { ...viewing, key })).url;
  const response = await fetch(url);
  const html = await response.text();
  return { status: response.status, html, token: /data-token="([^"]+)"/.exec(html)?.[1] ?? '' };
}

/** The glance's data as the host's client asks the add-on for it: a signed GET of its queryUrl. */
export async function queryGlance(emulator: Emulator, viewing: Viewing, key: string): Promise<unknown> {
  const { url } = await askHost(emulator, '/emulator/ui/glance-queries', { ...viewing, key });
  return (await fetch(url)).json();
}

async function askHost(emulator: Emulator, path: string, body: object): Promise<{ url: string }> {
  const response = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { url: string };
}
