import type { Request } from 'express';
import { ConnectError } from '../errors';

// A host name or address with an optional port, and nothing else: no path, query or credentials.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The add-on's public base URL as this request reached it: scheme and host as the client saw them
 * (through ngrok or a reverse proxy only when the app trusts the proxy, as Express's `trust proxy`
 * setting says), plus the path the router is mounted at. A Host that is not a plain host is the
 * client's error and never reaches the descriptor.
 */
export function requestBaseUrl(req: Request, configured: string | undefined): string {
  if (configured !== undefined) return configured;
  const forwardedHost = req.app.get('trust proxy fn')?.(req.socket.remoteAddress, 0) ? firstValue(req.headers['x-forwarded-host']) : undefined;
  const host = forwardedHost ?? req.headers.host ?? 'localhost';
  if (!HOST.test(host)) throw new ConnectError('PAYLOAD_INVALID', 'The Host (or X-Forwarded-Host) header is not a valid host');
  return `${req.protocol}://${host}${req.baseUrl}`;
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
