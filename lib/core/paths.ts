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
});
