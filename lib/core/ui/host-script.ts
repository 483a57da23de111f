import type { Installation } from '../installation';

/**
 * Where the host serves its JavaScript API (`HipChat.*`, alias `AP.*`; docs/protocol.md#host-javascript-api).
 * Atlassian's frameworks derived `{host homepage}/atlassian-connect/all.js`; the homepage is not stored with
 * an installation, so this takes the origin of its REST API, which is the host's own origin for the emulator
 * and for HipChat Server. This is the one place that knows the rule.
 */
export function hostScriptUrl(installation: Installation): string {
  return `${new URL(installation.apiUrl).origin}/atlassian-connect/all.js`;
}
