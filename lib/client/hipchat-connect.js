/*
 * hipchat-connect's client helper, for the pages of an add-on (webPanel, dialog, configuration page…).
 * Plain ES2017 with no build step: a page loads it with the tag `res.locals.hipchat.scripts` writes, after
 * the host's JavaScript API (`HipChat.*`, alias `AP.*`), and uses `window.HipChatConnect`:
 *
 *   const response = await HipChatConnect.fetch('/api/forecast');      // Authorization: JWT <page token>
 *   HipChatConnect.onDialogButton((event, closeDialog) => closeDialog(true));
 *
 * The page token comes on the script tag (`data-token`). It is traded for a fresh one at the add-on's
 * /page-token before it runs out; when the add-on refuses (the token or its session is over), a new
 * host token is asked for with `HipChat.auth.withToken` and traded instead.
 */
(function (global) {
  'use strict';

  var script = document.currentScript;
  if (!script) throw new Error('hipchat-connect.js must be loaded with a <script src> tag, not as a module or injected');
  /** The add-on's base URL: the script is served at {base}/hipchat-connect.js. */
  var refreshUrl = new URL('page-token', script.src).href;

  var current;
  var pending;
  var timer;

  function hostApi() {
    var api = global.HipChat || global.AP;
    if (!api) throw new Error('hipchat-connect: the host\'s JavaScript API (HipChat / AP) is not loaded on this page');
    return api;
  }

  /** Keeps a token and plans its refresh 80% of the way through its life, measured on this clock. */
  function remember(token, lifetimeSeconds) {
    var now = Date.now();
    current = { token: token, refreshAt: now + lifetimeSeconds * 800, expiresAt: now + lifetimeSeconds * 1000 };
    clearTimeout(timer);
    timer = setTimeout(function () { refresh().catch(function () {}); }, Math.max(0, current.refreshAt - now));
    return token;
  }

  /** The life the issuer gave a token (exp − iat), read without verifying: only to plan its refresh. */
  function lifetimeOf(token) {
    try {
      var payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return Math.max(0, payload.exp - payload.iat);
    } catch (error) {
      return 0;
    }
  }

  /** A token that is good for a while yet: the one in hand, or a fresh one. */
  function token() {
    if (current && Date.now() < current.refreshAt) return Promise.resolve(current.token);
    return refresh();
  }

  /** A fresh token now; concurrent callers share one exchange. */
  function refresh() {
    if (!pending) {
      pending = exchange().then(
        function (fresh) { pending = undefined; return fresh; },
        function (error) { pending = undefined; throw error; });
    }
    return pending;
  }

  async function exchange() {
    if (current && Date.now() < current.expiresAt) {
      var fresh = await trade(current.token);
      if (fresh) return fresh;
    }
    var traded = await trade(await hostToken());
    if (!traded) throw new Error('hipchat-connect: the add-on refused the host\'s token');
    return traded;
  }

  /** Trades a still-valid token for a fresh page token; undefined when the add-on refuses it (401). */
  async function trade(presented) {
    var response = await global.fetch(refreshUrl, { method: 'POST', headers: { Authorization: 'JWT ' + presented } });
    if (response.status === 401) return undefined;
    if (!response.ok) throw new Error('hipchat-connect: the token refresh answered ' + response.status);
    var body = await response.json();
    return remember(body.token, body.expiresIn);
  }

  function hostToken() {
    return new Promise(function (resolve, reject) {
      var auth = hostApi().auth;
      if (!auth || typeof auth.withToken !== 'function') return reject(new Error('hipchat-connect: the host offers no HipChat.auth.withToken'));
      auth.withToken(function (error, hostSigned) {
        if (error || !hostSigned) return reject(error || new Error('hipchat-connect: the host gave no token'));
        resolve(hostSigned);
      });
    });
  }

  /**
   * fetch() back to the add-on with `Authorization: JWT <page token>`. On a 401 it gets a fresh token and
   * tries once more, so a body must be one fetch can send twice (a string, FormData, a Blob; not a stream).
   */
  async function addonFetch(input, init) {
    var options = init || {};
    var send = function (presented) {
      var headers = new Headers(options.headers);
      headers.set('Authorization', 'JWT ' + presented);
      return global.fetch(input, Object.assign({}, options, { headers: headers }));
    };
    var response = await send(await token());
    if (response.status !== 401) return response;
    return send(await refresh());
  }

  /** Listeners by event name; each name is registered with the host once, whatever its registration semantics. */
  var listeners = {};

  function on(event, listener) {
    var first = !listeners[event];
    if (first) listeners[event] = [];
    // Listed before registering: the host API hands events that came before anyone listened to the
    // handler at once, inside register(), and they must find this listener there.
    listeners[event].push(listener);
    if (first) {
      var registration = {};
      registration[event] = function () {
        var args = arguments;
        listeners[event].slice().forEach(function (each) { each.apply(null, args); });
      };
      hostApi().register(registration);
    }
    return function off() {
      listeners[event] = listeners[event].filter(function (each) { return each !== listener; });
    };
  }

  var initial = script.dataset.token;
  if (initial) remember(initial, lifetimeOf(initial));

  global.HipChatConnect = Object.freeze({
    token: token,
    fetch: addonFetch,
    on: on,
    /** A dialog button was clicked: `(event, closeDialog)`, with the button's key in `event.action`. */
    onDialogButton: function (listener) { return on('dialog-button-click', listener); },
    /** An action opened this view: the listener gets the message `{ body, sender, mid, type, metadata, card?, media? }`. */
    onAction: function (actionKey, listener) { return on(actionKey, listener); },
    /** The add-on pushed new content for one of its glances. */
    onGlanceUpdate: function (listener) { return on('glance-update', listener); },
    dialog: Object.freeze({
      open: function (key, options) { return hostApi().dialog.open(Object.assign({ key: key }, options)); },
      update: function (options) { return hostApi().dialog.update(options); },
      updatePrimaryAction: function (options) { return hostApi().dialog.updatePrimaryAction(options); },
      close: function () { return hostApi().dialog.close(); },
    }),
    sidebar: Object.freeze({
      open: function (key, options) { return hostApi().sidebar.openView(Object.assign({ key: key }, options)); },
      close: function () { return hostApi().sidebar.closeView(); },
    }),
  });
})(window);
