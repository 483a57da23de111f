// @ts-check
/**
 * The emulator's web UI: HipChat's web client, small. It wires the parts together, follows the host's
 * feed (server-sent events) and redraws what changed.
 */
import { AdminView } from './admin.js';
import { DialogView } from './dialog.js';
import { h, notice } from './dom.js';
import { Frames } from './frames.js';
import { GlanceList } from './glances.js';
import { hostApi } from './host-api.js';
import { getJson } from './api.js';
import { SidebarPanel } from './panel.js';
import { RoomView } from './room.js';
import { Session } from './session.js';
import { Views } from './views.js';

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
const byId = (id) => /** @type {T} */ (document.getElementById(id));

const session = new Session();
const frames = new Frames();
const dialog = new DialogView(frames, session, byId('dialog'));
const sidebar = new SidebarPanel(frames, session, byId('panel'), byId('glances'));
const views = new Views(session, frames, { dialog, sidebar });
const glances = new GlanceList(session, views, frames, byId('glance-list'));
const room = new RoomView(session, views, {
  title: byId('room-title'), topic: byId('room-topic'), messages: byId('messages'), composer: byId('composer'),
  input: byId('message-input'), inputActions: byId('input-actions'),
});
const admin = new AdminView(session, frames, { installations: byId('installations'), form: byId('install-form'), target: byId('install-target'), configure: byId('configure') });
frames.serve(hostApi({ session, views, dialog, sidebar, room }));

/** Views belong to one user in one room: a change of either closes them and draws everything again. */
function drawViewer() {
  dialog.close();
  sidebar.close();
  admin.closeConfiguration();
  drawPickers();
  glances.render();
  void room.load().catch(notice);
}

function drawPickers() {
  const option = (/** @type {{ id: number }} */ item, /** @type {string} */ label, /** @type {number} */ selected) => h('option', { value: item.id, selected: item.id === selected }, label);
  byId('room-picker').replaceChildren(...session.world.rooms.map((each) => option(each, each.name, session.roomId)));
  byId('user-picker').replaceChildren(...session.world.users.map((each) => option(each, `${each.name} (@${each.mention_name})`, session.userId)));
}

/** @param {'room' | 'admin'} which */
function show(which) {
  byId('room-view').hidden = which !== 'room';
  byId('admin-view').hidden = which !== 'admin';
  for (const button of document.querySelectorAll('[data-view]')) button.setAttribute('aria-pressed', String(button.getAttribute('data-view') === which));
  if (which === 'admin') admin.render();
  const query = new URLSearchParams(location.search);
  query.set('view', which);
  history.replaceState(null, '', `?${query}`);
}

function follow() {
  const feed = new EventSource('/emulator/events');
  const on = (/** @type {string} */ type, /** @type {(event: any) => void} */ handle) => feed.addEventListener(type, (message) => handle(JSON.parse(/** @type {MessageEvent} */ (message).data)));
  on('message', (event) => room.said(event.roomId, { message: event.message, oauthId: event.oauthId }));
  on('glance', (event) => {
    session.pushes.push(event.glance);
    glances.pushed(event.glance);
  });
  on('installations', async () => {
    session.installations = (await getJson('/emulator/installations')).items;
    admin.render();
    glances.render();
    room.render();
  });
  on('rooms', async () => {
    session.world = await getJson('/emulator/world');
    drawPickers();
    admin.render();
  });
}

byId('room-picker').addEventListener('change', (event) => session.view({ roomId: Number(/** @type {HTMLSelectElement} */ (event.target).value) }));
byId('user-picker').addEventListener('change', (event) => session.view({ userId: Number(/** @type {HTMLSelectElement} */ (event.target).value) }));
for (const button of document.querySelectorAll('[data-view]')) {
  button.addEventListener('click', () => show(button.getAttribute('data-view') === 'admin' ? 'admin' : 'room'));
}
session.addEventListener('viewer', drawViewer);

async function start() {
  await session.load();
  drawViewer();
  show(new URLSearchParams(location.search).get('view') === 'admin' ? 'admin' : 'room');
  follow();
  document.body.dataset.ready = 'true';
}

start().catch(notice);
