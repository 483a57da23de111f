// @ts-check
/*
 * The host's JavaScript API for add-on pages (docs/protocol.md#host-javascript-api), served by the emulator
 * at /atlassian-connect/all.js: `HipChat.*`, alias `AP.*`. Each call goes to the host page over
 * `window.postMessage` (see protocol.js for the messages) and answers its callback `(error, result)`.
 * Messages go to the parent window at the origin this script came from, and only messages from that window
 * and origin are heard: nothing else can answer a call or fire an event here. Plain ES2017 in one file, so
 * any page can load it with a <script src> tag.
 */
(function (global) {
  'use strict';

  var script = document.currentScript;
  var hostOrigin = script instanceof HTMLScriptElement ? new URL(script.src).origin : '';
  var host = global.parent !== global ? global.parent : undefined;
  var ANSWER_MS = 30000;
  var calls = 0;
  /** @type {Record<string, (error: unknown, result?: unknown) => void>} */
  var waiting = {};
  /** @type {Record<string, Function>} */
  var handlers = {};
  /** Events that came before the page registered for them, delivered when it does. @type {Array<{etyp: string, evnt: unknown, mid: string}>} */
  var early = [];

  /** @param {object} message */
  function post(message) {
    if (host) host.postMessage(message, hostOrigin);
  }

  /**
   * @param {string} mod
   * @param {string} fn
   * @param {unknown[]} args
   */
  function call(mod, fn, args) {
    var callback = typeof args[args.length - 1] === 'function' ? /** @type {Function} */ (args.pop()) : function () {};
    if (!host) return callback({ code: 'NOT_FRAMED', message: 'This page is not shown in a HipChat frame' });
    var mid = 'f' + (++calls);
    // The host answers every call; this only ends the wait of a frame the host no longer knows.
    var timer = setTimeout(function () { answer(mid, { code: 'NO_ANSWER', message: 'The host did not answer in time' }); }, ANSWER_MS);
    waiting[mid] = function (error, result) {
      clearTimeout(timer);
      callback(error, result);
    };
    try {
      post({ type: 'req', mid: mid, mod: mod, fn: fn, args: args });
    } catch (error) {
      answer(mid, { code: 'BAD_ARGUMENTS', message: 'The arguments cannot be sent to the host: ' + String(error) });
    }
  }

  /**
   * @param {string} mid
   * @param {unknown} error
   * @param {unknown} [result]
   */
  function answer(mid, error, result) {
    var settle = waiting[mid];
    delete waiting[mid];
    if (settle) settle(error || null, result);
  }

  /**
   * @param {string} mod
   * @param {string[]} names
   */
  function methodsOf(mod, names) {
    /** @type {Record<string, Function>} */
    var methods = {};
    names.forEach(function (fn) {
      methods[fn] = function () { call(mod, fn, Array.prototype.slice.call(arguments)); };
    });
    return methods;
  }

  function closeDialog(/** @type {unknown} */ close) {
    if (close !== false) call('dialog', 'close', []);
  }

  /**
   * Runs the page's handler and tells the host it did; a button click nobody handles is answered at
   * once, so the host closes the dialog, and other events wait for the page to register.
   * @param {{etyp: string, evnt: unknown, mid: string}} message
   */
  function deliver(message) {
    var handler = handlers[message.etyp];
    if (!handler) {
      if (message.etyp === 'dialog-button-click') post({ type: 'resp', mid: message.mid, args: [null, { handled: false }] });
      else if (early.length < 50) early.push(message);
      return;
    }
    try {
      handler(message.evnt, closeDialog);
    } catch (error) {
      setTimeout(function () { throw error; });
    }
    post({ type: 'resp', mid: message.mid, args: [null, { handled: true }] });
  }

  global.addEventListener('message', function (/** @type {MessageEvent} */ event) {
    if (!host || event.source !== host || event.origin !== hostOrigin) return;
    var data = event.data;
    if (typeof data !== 'object' || data === null || typeof data.mid !== 'string') return;
    if (data.type === 'resp' && Array.isArray(data.args)) {
      answer(data.mid, data.args[0], data.args[1]);
    } else if (data.type === 'evt' && typeof data.etyp === 'string') {
      deliver(data);
    }
  });

  var api = {
    /** @param {Record<string, unknown>} registrations  event name → handler */
    register: function (registrations) {
      Object.keys(registrations || {}).forEach(function (name) {
        var handler = registrations[name];
        if (typeof handler === 'function') handlers[name] = handler;
      });
      var ready = early.filter(function (message) { return handlers[message.etyp]; });
      early = early.filter(function (message) { return !handlers[message.etyp]; });
      ready.forEach(deliver);
    },
    auth: methodsOf('auth', ['withToken']),
    dialog: methodsOf('dialog', ['open', 'update', 'updatePrimaryAction', 'close']),
    sidebar: methodsOf('sidebar', ['openView', 'closeView']),
    chat: methodsOf('chat', ['appendMessage', 'focus', 'addFileForUploadWithBase64']),
    room: methodsOf('room', ['create', 'open', 'invite', 'getRoomDetails', 'getParticipants']),
    user: methodsOf('user', ['getCurrentUser', 'open']),
  };
  global.HipChat = global.AP = api;
  post({ type: 'init' });
})(/** @type {any} */ (window));
