// @ts-check
/**
 * The messages between the host page and an add-on's frame over `window.postMessage`
 * (docs/protocol.md#frame-messages), after the small JSON protocol of HipChat's web client:
 *
 *   frame → host  {type: 'init'}                                   all.js has loaded
 *   frame → host  {type: 'req', mid, mod, fn, args}                a call of HipChat.<mod>.<fn>(...args)
 *   host → frame  {type: 'resp', mid, args: [error, result]}       its answer, for the callback
 *   host → frame  {type: 'evt', etyp, evnt, mid}                   an event: its name, payload and id
 *   frame → host  {type: 'resp', mid, args: [null, {handled}]}     the frame's receipt of an event
 *
 * Who sent a message is never read from the message: the host knows a frame by its window and origin.
 */

/**
 * @typedef {{ type: 'init' }} InitMessage
 * @typedef {{ type: 'req', mid: string, mod: string, fn: string, args: unknown[] }} RequestMessage
 * @typedef {{ type: 'resp', mid: string, args: unknown[] }} ResponseMessage
 * @typedef {{ type: 'evt', etyp: string, evnt: unknown, mid: string }} EventMessage
 * @typedef {{ code: string, message: string }} ApiError
 * @typedef {Record<string, Record<string, (caller: any, ...args: any[]) => unknown>>} HostApi
 */

const NAME = /^[A-Za-z0-9_.:-]{1,100}$/;
const MAX_ARGS = 8;

/**
 * A message from a frame, checked for shape; undefined for anything else (another script's messages
 * arrive on the same channel, and a frame may send nonsense).
 * @param {unknown} data
 * @returns {InitMessage | RequestMessage | ResponseMessage | undefined}
 */
export function parseFrameMessage(data) {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = /** @type {Record<string, unknown>} */ (data);
  if (message.type === 'init') return { type: 'init' };
  if (!isName(message.mid) || !Array.isArray(message.args) || message.args.length > MAX_ARGS) return undefined;
  if (message.type === 'resp') return { type: 'resp', mid: message.mid, args: message.args };
  if (message.type === 'req' && isName(message.mod) && isName(message.fn)) {
    return { type: 'req', mid: message.mid, mod: message.mod, fn: message.fn, args: message.args };
  }
  return undefined;
}

/**
 * @param {string} mid
 * @param {ApiError | null} error
 * @param {unknown} [result]
 * @returns {ResponseMessage}
 */
export function response(mid, error, result) {
  return { type: 'resp', mid, args: result === undefined ? [error] : [error, result] };
}

/**
 * @param {string} mid
 * @param {string} name
 * @param {unknown} payload
 * @returns {EventMessage}
 */
export function event(mid, name, payload) {
  return { type: 'evt', etyp: name, evnt: payload, mid };
}

/** An error a host API call answers with; `code` is what the page's code should test. */
export class HostApiError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * Runs a frame's call against the host's API and answers it: with the result, or with an error for a
 * call the API does not have or that failed. Every request gets exactly one answer, so no callback
 * in a frame waits forever. Only the API's own members are called, never inherited ones.
 * @param {HostApi} api
 * @param {unknown} caller  the frame, as the host knows it
 * @param {RequestMessage} request
 * @returns {Promise<ResponseMessage>}
 */
export async function dispatch(api, caller, request) {
  const module = Object.hasOwn(api, request.mod) ? api[request.mod] : undefined;
  const call = module && Object.hasOwn(module, request.fn) ? module[request.fn] : undefined;
  if (typeof call !== 'function') {
    return response(request.mid, { code: 'UNKNOWN_CALL', message: `HipChat.${request.mod}.${request.fn} is not offered by this host` });
  }
  try {
    return response(request.mid, null, (await call(caller, ...request.args)) ?? null);
  } catch (error) {
    const code = error instanceof HostApiError ? error.code : 'CALL_FAILED';
    return response(request.mid, { code, message: error instanceof Error ? error.message : String(error) });
  }
}

/** @param {unknown} value @returns {value is string} */
function isName(value) {
  return typeof value === 'string' && NAME.test(value);
}
