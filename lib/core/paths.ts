/** Where the add-on's own routes live, relative to the base URL it is mounted at. */
export const PATHS = Object.freeze({
  descriptor: '/atlassian-connect.json',
  /** The install callback; HipChat sends the uninstall as `DELETE {callbackUrl}/{oauthId}`. */
  installable: '/installable',
  update: '/installable/update',
  installedRedirect: '/installable/redirect/installed',
  updatedRedirect: '/installable/redirect/updated',
  uninstalledRedirect: '/installable/redirect/uninstalled',
  webhook: (key: string) => `/webhooks/${encodeURIComponent(key)}`,
  /** A glance's queryUrl, when the add-on answers it. */
  glance: (key: string) => `/glances/${encodeURIComponent(key)}`,
  /** A webPanel, dialog or externalPage the add-on serves; module keys are unique, so one prefix serves all three. */
  page: (key: string) => `/pages/${encodeURIComponent(key)}`,
  configurable: '/configure',
  adminPage: '/admin',
  /** Where a page trades a still-valid token for a fresh page token. */
  pageToken: '/page-token',
  /** The client-side helper pages load. */
  clientScript: '/hipchat-connect.js',
  /** For load balancers and the shutdown drain: 200 while the store answers, 503 otherwise or while closing. */
  healthz: '/healthz',
});
