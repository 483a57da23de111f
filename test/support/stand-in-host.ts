import express from 'express';
import { listen, type Served } from './serve';

/**
 * Until the emulator serves the host's JavaScript API, a stand-in: `HipChat` (alias `AP`) at
 * /atlassian-connect/all.js that records every call in `window.hostCalls`, keeps registered event
 * handlers in `window.hostHandlers`, and answers `auth.withToken` with `window.nextHostToken`. It also
 * serves /frame?src=…, a page that frames the given URL, standing for the host's web client.
 */
const ALL_JS = `
window.hostCalls = [];
window.hostHandlers = {};
window.hostRegistrations = 0;
function record(name) { return function () { window.hostCalls.push([name].concat(Array.prototype.slice.call(arguments))); }; }
window.HipChat = window.AP = {
  register: function (handlers) { window.hostRegistrations++; Object.assign(window.hostHandlers, handlers); },
  auth: { withToken: function (callback) { window.hostCalls.push(['auth.withToken']); callback(null, window.nextHostToken); } },
  dialog: { open: record('dialog.open'), update: record('dialog.update'), updatePrimaryAction: record('dialog.updatePrimaryAction'), close: record('dialog.close') },
  sidebar: { openView: record('sidebar.openView'), closeView: record('sidebar.closeView') },
};`;

export async function startStandInHost(): Promise<Served> {
  const app = express();
  app.get('/atlassian-connect/all.js', (_req, res) => void res.type('js').send(ALL_JS));
  app.get('/frame', (req, res) => void res.type('html').send(`<!doctype html><iframe id="addon" src="${String(req.query.src).replace(/"/g, '&quot;')}"></iframe>`));
  return listen(app);
}
