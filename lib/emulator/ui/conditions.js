// @ts-check
/**
 * The conditions of the descriptor (docs/protocol.md#conditions), which decide whether a glance, a sidebar
 * view or an action is offered. Pure: the caller says who looks, where, and at which message or glance
 * content.
 *
 * A list must all hold; `{type: 'and' | 'or', conditions}` groups them; `invert` negates one condition.
 * A condition the host does not know, or whose params it cannot read, is false, and `invert` does not
 * turn that into true: a host must not offer something because of a test it could not make.
 */

/**
 * @typedef {{ id: number, is_group_admin?: boolean, is_guest?: boolean }} ConditionUser
 * @typedef {{ privacy: string, owner: number }} ConditionRoom
 * @typedef {{ id: number | null, name: string, mention: string | null }} Sender
 * @typedef {{
 *   body: string, sender: Sender, mid?: string, type: string, metadata?: Record<string, unknown>,
 *   card?: { metadata?: Record<string, unknown> }, media?: { type?: string }, links?: string[]
 * }} ConditionMessage
 * @typedef {{
 *   user: ConditionUser, room: ConditionRoom, message?: ConditionMessage,
 *   glance?: { metadata?: Record<string, unknown> }
 * }} ConditionContext
 * @typedef {(params: Record<string, unknown>, context: ConditionContext) => boolean} Test
 */

/** @type {Record<string, Test>} */
const TESTS = {
  room_is_public: (_params, { room }) => room.privacy === 'public',
  user_is_admin: (_params, { user }) => user.is_group_admin === true,
  user_is_guest: (_params, { user }) => user.is_guest === true,
  user_is_room_owner: (_params, { user, room }) => room.owner === user.id,
  glance_matches: (params, { glance }) => glance !== undefined && metadataMatches(params, glance.metadata),
  message_matches: (params, { message }) => message !== undefined && messageMatches(params, message),
  message_contains_link: (_params, { message }) => message !== undefined && containsLink(message),
  message_sent_by_current_user: (_params, { user, message }) => message !== undefined && message.sender.id === user.id,
  card_matches: (params, { message }) => message?.card !== undefined && metadataMatches(params, message.card.metadata),
};

/**
 * Whether the conditions hold; no conditions always hold.
 * @param {unknown} conditions
 * @param {ConditionContext} context
 */
export function conditionsHold(conditions, context) {
  if (conditions === undefined) return true;
  return Array.isArray(conditions) && conditions.every((condition) => holds(condition, context));
}

/**
 * @param {unknown} condition
 * @param {ConditionContext} context
 * @returns {boolean}
 */
function holds(condition, context) {
  if (!isObject(condition)) return false;
  if (condition.condition === undefined) {
    const { type, conditions } = condition;
    if (!Array.isArray(conditions)) return false;
    if (type === 'and') return conditions.every((each) => holds(each, context));
    if (type === 'or') return conditions.some((each) => holds(each, context));
    return false;
  }
  const name = condition.condition;
  const test = typeof name === 'string' && Object.hasOwn(TESTS, name) ? TESTS[name] : undefined;
  if (!test) return false;
  let result;
  try {
    result = test(isObject(condition.params) ? condition.params : {}, context);
  } catch {
    return false;
  }
  return condition.invert === true ? !result : result;
}

/** @type {Record<string, (value: unknown, message: ConditionMessage) => boolean>} */
const MESSAGE_TESTS = {
  type: (value, message) => message.type === value,
  file_type: (value, message) => message.media?.type === value,
  regex: (value, message) => isObject(value) && typeof value.pattern === 'string' && regexOf(value.pattern, value.flags).test(message.body),
  sender: (value, message) => {
    const wanted = String(value).replace(/^@/, '');
    return wanted === String(message.sender.id) || wanted === message.sender.mention;
  },
};

/**
 * `message_matches` takes `{type}`, `{file_type}`, `{regex: {pattern, flags}}` or `{sender}` (an id or
 * an @mention); given several, all must hold. Params with none of them, or another key, are false.
 * @param {Record<string, unknown>} params
 * @param {ConditionMessage} message
 */
function messageMatches(params, message) {
  const entries = Object.entries(params);
  return entries.length > 0 && entries.every(([key, value]) => Object.hasOwn(MESSAGE_TESTS, key) && MESSAGE_TESTS[key]?.(value, message) === true);
}

/**
 * A regular expression with the flags that do not make `test` stateful (`g` and `y` would carry
 * `lastIndex` from one message to the next); an unknown flag or a bad pattern throws, which is false.
 * @param {string} pattern
 * @param {unknown} flags
 */
function regexOf(pattern, flags) {
  if (flags !== undefined && typeof flags !== 'string') throw new TypeError('flags must be a string');
  return new RegExp(pattern, (flags ?? '').replace(/[gy]/g, ''));
}

/** @param {ConditionMessage} message */
function containsLink(message) {
  return (message.links?.length ?? 0) > 0 || /\bhttps?:\/\/\S/i.test(message.body);
}

/**
 * `glance_matches` and `card_matches`: `{metadata: [{attr, eq} | {attr, neq}]}`, each entry compared
 * with the value at `attr` (a dotted path) in the glance's or card's metadata; all must hold.
 * @param {Record<string, unknown>} params
 * @param {Record<string, unknown> | undefined} metadata
 */
function metadataMatches(params, metadata) {
  const { metadata: rules } = params;
  if (!Array.isArray(rules) || rules.length === 0) return false;
  return rules.every((rule) => {
    if (!isObject(rule) || typeof rule.attr !== 'string') return false;
    const actual = valueAt(metadata, rule.attr);
    if (Object.hasOwn(rule, 'eq')) return sameValue(actual, rule.eq);
    if (Object.hasOwn(rule, 'neq')) return !sameValue(actual, rule.neq);
    return false;
  });
}

/**
 * @param {unknown} value
 * @param {string} path
 */
function valueAt(value, path) {
  let current = value;
  for (const name of path.split('.')) {
    if (!isObject(current) || !Object.hasOwn(current, name)) return undefined;
    current = current[name];
  }
  return current;
}

/** JSON values compared by content, so `{eq: [1, 2]}` matches an equal array. */
function sameValue(/** @type {unknown} */ left, /** @type {unknown} */ right) {
  return left === right || (typeof left === 'object' && left !== null && JSON.stringify(left) === JSON.stringify(right));
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
