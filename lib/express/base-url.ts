import type { Request } from 'express';

/**
 * The add-on's public base URL as this request reached it: scheme and host as the client saw them
 * (through ngrok or a reverse proxy only when the app trusts the proxy, as Express's `trust proxy`
 * setting says), plus the path the router is mounted at.
 */
export function requestBaseUrl(req: Request, configured: string | undefined): string {
  if (configured !== undefined) return configured;
  const forwardedHost = req.app.get('trust proxy fn')?.(req.socket.remoteAddress, 0) ? firstValue(req.headers['x-forwarded-host']) : undefined;
  const host = forwardedHost ?? req.headers.host ?? 'localhost';
  return `${req.protocol}://${host}${req.baseUrl}`;
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
