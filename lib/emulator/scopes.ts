/**
 * The API scopes (docs/protocol.md#scopes), with the names and descriptions the capabilities document gives.
 */
const SCOPES: Readonly<Record<string, readonly [name: string, description: string]>> = Object.freeze({
  send_notification: ['Send Notification', 'Send room notifications'],
  send_message: ['Send Message', 'Send messages to rooms and users as the add-on'],
  view_room: ['View Room', 'View a room, its participants and members'],
  admin_room: ['Administer Room', 'Change a room: topic, webhooks, settings'],
  view_group: ['View Group', 'View the group: users, rooms, emoticons'],
  admin_group: ['Administer Group', 'Administer the group'],
  manage_rooms: ['Manage Rooms', 'Create, archive and delete rooms'],
  view_messages: ['View Messages', 'Read room and private chat history'],
  import_data: ['Import Data', 'Import data (approved add-ons only)'],
});

export function availableScopes(): Record<string, { id: string; name: string; description: string }> {
  return Object.fromEntries(Object.entries(SCOPES).map(([id, [name, description]]) => [id, { id, name, description }]));
}

type ScopeResolution = { ok: true; scopes: string[] } | { ok: false; refused: string[] };

/**
 * Turns a token request's `scope` parameter into the granted scopes: space-separated, each one declared
 * by the installed descriptor. An absent or blank parameter asks for everything the descriptor declares,
 * which is what OAuth's "default scope" means for a client-credentials grant.
 */
export function resolveRequestedScopes(requested: string | undefined, declared: readonly string[]): ScopeResolution {
  const asked = (requested ?? '').split(' ').filter((scope) => scope !== '');
  if (asked.length === 0) return { ok: true, scopes: [...declared] };
  const refused = asked.filter((scope) => !declared.includes(scope));
  return refused.length > 0 ? { ok: false, refused } : { ok: true, scopes: [...new Set(asked)] };
}
