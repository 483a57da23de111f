import { ConnectError } from '../../errors';
import type { Tunnel } from './tunnel';

/** The part of @ngrok/ngrok dev uses, so the package stays optional and is loaded only for --tunnel ngrok. */
interface NgrokModule {
  forward(config: { addr: number; authtoken: string; domain?: string; server_addr?: string }): Promise<{ url(): string | null; close(): Promise<void> }>;
}

interface NgrokOptions {
  port: number;
  env?: NodeJS.ProcessEnv;
  load?: () => Promise<NgrokModule>;
}

const TOKEN_PAGE = 'https://dashboard.ngrok.com/get-started/your-authtoken';

/**
 * `--tunnel ngrok`: an https tunnel opened in dev's own process with @ngrok/ngrok, to the add-on's
 * port. `NGROK_DOMAIN` asks for a reserved domain, which keeps one URL from run to run;
 * `NGROK_SERVER_ADDR` is ngrok's `server_addr`, for a dedicated ngrok edge (and for tests, which point
 * it at a closed loopback port). Each way it can fail is a TUNNEL_UNAVAILABLE that names the fix.
 */
export async function openNgrokTunnel(options: NgrokOptions): Promise<Tunnel> {
  const env = options.env ?? process.env;
  const authtoken = env.NGROK_AUTHTOKEN;
  const ngrok = await loadNgrok(options.load ?? (() => import('@ngrok/ngrok')));
  if (!authtoken) {
    throw unavailable(`--tunnel ngrok needs an ngrok authtoken: set NGROK_AUTHTOKEN (export NGROK_AUTHTOKEN=<your token>, from ${TOKEN_PAGE}), or use --tunnel-url <url> with a tunnel you run yourself`);
  }
  let listener: Awaited<ReturnType<NgrokModule['forward']>>;
  try {
    listener = await ngrok.forward({
      addr: options.port, authtoken,
      ...(env.NGROK_DOMAIN ? { domain: env.NGROK_DOMAIN } : {}),
      ...(env.NGROK_SERVER_ADDR ? { server_addr: env.NGROK_SERVER_ADDR } : {}),
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw unavailable(`ngrok could not open a tunnel: ${reason}. Check your network and NGROK_AUTHTOKEN${env.NGROK_DOMAIN ? ' and NGROK_DOMAIN' : ''}, or use --tunnel-url <url>`, cause);
  }
  const url = listener.url();
  if (!url) throw unavailable('ngrok opened a tunnel without a URL');
  return { url: url.replace(/\/+$/, ''), source: 'ngrok (@ngrok/ngrok)', close: () => listener.close() };
}

async function loadNgrok(load: () => Promise<NgrokModule>): Promise<NgrokModule> {
  try {
    return await load();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw cause;
    throw unavailable('--tunnel ngrok needs the @ngrok/ngrok package, an optional dependency of hipchat-connect that is not installed here: run npm install @ngrok/ngrok', cause);
  }
}

function unavailable(message: string, cause?: unknown): ConnectError {
  return new ConnectError('TUNNEL_UNAVAILABLE', message, { cause });
}
