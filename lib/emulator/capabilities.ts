import { availableScopes } from './scopes';

/** Where the emulator answers, fixed once it listens. `url` and `apiUrl` never end with a slash. */
export interface HostUrls {
  url: string;
  apiUrl: string;
  capabilitiesUrl: string;
  tokenUrl: string;
}

export function hostUrls(url: string): HostUrls {
  const apiUrl = `${url}/v2`;
  return { url, apiUrl, capabilitiesUrl: `${apiUrl}/capabilities`, tokenUrl: `${apiUrl}/oauth/token` };
}

/**
 * The host's capabilities document (docs/protocol.md#host-capabilities-document). HipChat wrote the API URL
 * with a trailing slash under `hipchatApiProvider` and without one under `links.api`; both are kept so
 * add-ons meet the same inconsistency they met in production.
 */
export function capabilitiesDocument(urls: HostUrls) {
  return {
    key: 'hipchat',
    name: 'HipChat (emulated)',
    description: 'A local HipChat emulator for developing and testing HipChat Connect add-ons',
    vendor: { name: 'hipchat-connect', url: urls.url },
    connect_server_api_version: 1,
    links: { self: urls.capabilitiesUrl, api: urls.apiUrl, homepage: urls.url, subdomain: urls.url },
    capabilities: {
      oauth2Provider: { tokenUrl: urls.tokenUrl, authorizationUrl: `${urls.url}/users/authorize` },
      hipchatApiProvider: { url: `${urls.apiUrl}/`, availableScopes: availableScopes() },
    },
  };
}
