// @ts-check
/** The emulator's own HTTP routes, as the web UI calls them. A refusal throws with the host's message. */

/**
 * @param {string} path
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
async function call(path, init) {
  const response = await fetch(path, init);
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(body?.error?.message ?? `${init?.method ?? 'GET'} ${path} answered ${response.status}`);
  return body;
}

/** @param {string} path */
export const getJson = (path) => call(path);

/**
 * @param {string} path
 * @param {unknown} body
 */
export const postJson = (path, body) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** @param {string} path */
export const deleteJson = (path) => call(path, { method: 'DELETE' });
