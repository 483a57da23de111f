// @ts-check
/**
 * Reading installed descriptors: which installations are present in a room, their modules in weight
 * order, texts and targets. Pure.
 */

/**
 * @typedef {{ value: string, i18n?: string }} I18nValue
 * @typedef {{ key: string, options?: Record<string, unknown> }} Target
 * @typedef {{ key: string, weight?: number, conditions?: unknown[] }} Placed
 * @typedef {{
 *   key: string, name: string,
 *   capabilities?: {
 *     glance?: Array<Placed & { name: I18nValue, icon: { url: string }, queryUrl?: string, target?: string | Target }>,
 *     webPanel?: Array<Placed & { name: I18nValue, url: string }>,
 *     dialog?: Array<{ key: string, title: I18nValue, options?: Record<string, unknown> }>,
 *     action?: Array<Placed & { name: I18nValue, location: string, target: string | Target }>,
 *     externalPage?: Array<{ key: string, name?: I18nValue }>,
 *     configurable?: { url: string, allowAccessToRoomAdmins?: boolean },
 *   }
 * }} InstalledDescriptor
 * @typedef {{ oauthId: string, roomId?: number, installedAt: string, descriptorUrl: string, descriptor: InstalledDescriptor }} Installation
 */

/**
 * A descriptor text (`{value, i18n?}`) or a plain string, as the text to show.
 * @param {I18nValue | string | undefined} value
 */
export function text(value) {
  return typeof value === 'string' ? value : value?.value ?? '';
}

/**
 * A module target, a key or `{key, options}`, as `{key, options}`.
 * @param {string | Target} target
 * @returns {{ key: string, options: Record<string, unknown> }}
 */
export function targetOf(target) {
  return typeof target === 'string' ? { key: target, options: {} } : { key: target.key, options: target.options ?? {} };
}

/**
 * Installations present in the room: those installed in it, and the group's.
 * @param {Installation[]} installations
 * @param {number} roomId
 */
export function presentIn(installations, roomId) {
  return installations.filter((installation) => installation.roomId === undefined || installation.roomId === roomId);
}

/**
 * Every installation's modules of one kind, each with its installation, in weight order (ascending,
 * the host's default 100), declaration order among equals.
 * @template {Placed} M
 * @param {Installation[]} installations
 * @param {(descriptor: InstalledDescriptor) => M[] | undefined} modulesOf
 * @returns {Array<{ installation: Installation, module: M }>}
 */
export function placed(installations, modulesOf) {
  return installations
    .flatMap((installation) => (modulesOf(installation.descriptor) ?? []).map((module) => ({ installation, module })))
    .sort((left, right) => (left.module.weight ?? 100) - (right.module.weight ?? 100));
}
