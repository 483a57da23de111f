import { ConnectError } from '../../errors';
import { boundedFetch, type Fetch } from '../host/bounded-fetch';
import { describeProblems, problemsWith } from '../schemas';

export interface HostEndpoints {
  tokenUrl: string;
  /** Without a trailing slash: `https://api.hipchat.com/v2`. */
  apiUrl: string;
}

export interface CapabilitiesFetchOptions {
  fetch: Fetch;
  timeoutMs: number;
  capabilitiesBytes: number;
}

interface CapabilitiesDocument {
  links: { self: string; api?: string };
  capabilities: { oauth2Provider: { tokenUrl: string }; hipchatApiProvider: { url: string } };
}

/**
 * Reads the host's capabilities document (docs/protocol.md#host-capabilities-document) and checks that it
 * describes itself at the URL the install named, and that tokens and the API live on that same origin:
 * otherwise a forged install could point the add-on's credentials at a server of the attacker's choosing.
 */
export async function fetchHostEndpoints(capabilitiesUrl: string, options: CapabilitiesFetchOptions): Promise<HostEndpoints> {
  const response = await boundedFetch(capabilitiesUrl, {
    fetch: options.fetch,
    headers: { accept: 'application/json' },
    timeoutMs: options.timeoutMs,
    maxBytes: options.capabilitiesBytes,
    failure: 'CAPABILITIES_UNREACHABLE',
  });
  if (response.status !== 200) {
    throw new ConnectError('CAPABILITIES_UNREACHABLE', `${capabilitiesUrl} answered ${response.status}`, { details: { status: response.status } });
  }
  return hostEndpointsFrom(parseJson(response.text, capabilitiesUrl), capabilitiesUrl);
}

/**
 * The same checks on a capabilities document already in hand (one an earlier framework saved with the
 * installation): the schema, `links.self` naming `capabilitiesUrl`, and tokens and the API on its origin.
 */
export function hostEndpointsFrom(value: unknown, capabilitiesUrl: string): HostEndpoints {
  const document = checkedDocument(value);
  if (stripSlash(document.links.self) !== stripSlash(capabilitiesUrl)) {
    throw invalid(`links.self (${document.links.self}) is not the capabilities URL the install named`);
  }
  const tokenUrl = document.capabilities.oauth2Provider.tokenUrl;
  const apiUrl = stripSlash(document.capabilities.hipchatApiProvider.url);
  const origin = new URL(capabilitiesUrl).origin;
  for (const [name, url] of [['tokenUrl', tokenUrl], ['hipchatApiProvider.url', apiUrl]] as const) {
    if (new URL(url).origin !== origin) throw invalid(`${name} (${url}) is not on the origin of the capabilities document`);
  }
  return { tokenUrl, apiUrl };
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ConnectError('CAPABILITIES_INVALID', `${url} did not answer JSON`, { cause });
  }
}

function checkedDocument(document: unknown): CapabilitiesDocument {
  const problems = problemsWith('capabilities', document);
  if (problems.length > 0) throw invalid(`capabilities document does not match the schema: ${describeProblems(problems)}`, problems);
  return document as CapabilitiesDocument;
}

function invalid(message: string, problems?: unknown): ConnectError {
  return new ConnectError('CAPABILITIES_INVALID', message, problems ? { details: { problems } } : {});
}

function stripSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
