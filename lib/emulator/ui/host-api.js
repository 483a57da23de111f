// @ts-check
/**
 * The host's side of `HipChat.*` (docs/protocol.md#host-javascript-api): what each call does for the frame
 * that made it. A frame acts for its own installation, user and room only: the token it gets, the dialog and
 * sidebar it may change, the room and user it is told about are all its own.
 */
import { postJson } from './api.js';
import { HostApiError } from './protocol.js';

/**
 * @typedef {import('./frames.js').Frame} Frame
 * @typedef {{ key?: unknown, options?: unknown, parameters?: unknown, urlTemplateValues?: unknown }} OpenArguments
 */

/**
 * @param {{
 *   session: import('./session.js').Session, views: import('./views.js').Views,
 *   dialog: import('./dialog.js').DialogView, sidebar: import('./panel.js').SidebarPanel, room: import('./room.js').RoomView
 * }} host
 * @returns {import('./protocol.js').HostApi}
 */
export function hostApi({ session, views, dialog, sidebar, room }) {
  /** The dialog, when it belongs to the calling frame's installation. */
  const ownDialog = (/** @type {Frame} */ frame) => {
    if (dialog.frame?.installation.oauthId !== frame.installation.oauthId) throw new HostApiError('NO_DIALOG', 'No dialog of this add-on is open');
    return dialog;
  };
  const open = (/** @type {Frame} */ frame, /** @type {OpenArguments} */ request) => {
    if (typeof request?.key !== 'string') throw new HostApiError('BAD_ARGUMENTS', 'open takes {key, options?, parameters?, urlTemplateValues?}');
    return views.open(frame.installation, request.key, {
      options: objectOrUndefined(request.options), parameters: request.parameters, urlTemplateValues: objectOrUndefined(request.urlTemplateValues),
    });
  };
  const roomOf = (/** @type {Frame} */ frame) => {
    const found = session.world.rooms.find((candidate) => candidate.id === frame.roomId);
    if (!found) throw new HostApiError('NO_ROOM', 'This view is not shown in a room');
    return found;
  };
  const userById = (/** @type {number} */ id) => session.world.users.find((user) => user.id === id);
  const person = (/** @type {number} */ id) => {
    const user = userById(id);
    return user && { id: user.id, name: user.name, mention_name: user.mention_name, email: user.email, timezone: user.timezone, is_group_admin: user.is_group_admin, is_guest: user.is_guest };
  };

  return {
    auth: {
      withToken: async (/** @type {Frame} */ frame) => (await postJson('/emulator/ui/host-tokens', { oauthId: frame.installation.oauthId, user: frame.userId, room: frame.roomId })).token,
    },
    dialog: {
      open,
      update: (frame, change) => ownDialog(frame).update(objectOrUndefined(change) ?? {}),
      updatePrimaryAction: (frame, change) => ownDialog(frame).updatePrimaryAction(objectOrUndefined(change) ?? {}),
      close: (frame) => ownDialog(frame).close(),
    },
    sidebar: {
      openView: open,
      closeView: (frame) => {
        if (sidebar.frame?.installation.oauthId !== frame.installation.oauthId) throw new HostApiError('NO_VIEW', 'No sidebar view of this add-on is open');
        sidebar.close();
      },
    },
    chat: {
      appendMessage: (_frame, addition) => room.append(String(addition ?? '')),
      focus: () => room.focus(),
    },
    room: {
      getRoomDetails: (frame) => {
        const { id, name, privacy, topic, owner } = roomOf(frame);
        return { id, name, privacy, topic, owner: person(owner) };
      },
      getParticipants: (frame) => roomOf(frame).participants.map(person).filter(Boolean),
    },
    user: {
      getCurrentUser: (frame) => person(frame.userId),
    },
  };
}

/** @param {unknown} value */
function objectOrUndefined(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? /** @type {Record<string, any>} */ (value) : undefined;
}
