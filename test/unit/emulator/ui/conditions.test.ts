import { conditionsHold, type ConditionContext, type ConditionMessage } from '../../../../lib/emulator/ui/conditions.js';

const ada = { id: 1, is_group_admin: true, is_guest: false };
const grace = { id: 2, is_group_admin: false, is_guest: false };
const guest = { id: 9, is_group_admin: false, is_guest: true };
const lobby = { privacy: 'public', owner: 1 };
const engineering = { privacy: 'private', owner: 2 };

function message(overrides: Partial<ConditionMessage> = {}): ConditionMessage {
  return { body: 'Rain in Lisbon tomorrow', sender: { id: 2, name: 'Grace Hopper', mention: 'Grace' }, mid: 'm1', type: 'message', metadata: {}, ...overrides };
}

const context = (overrides: Partial<ConditionContext> = {}): ConditionContext => ({ user: ada, room: lobby, ...overrides });
const holds = (condition: unknown, overrides: Partial<ConditionContext> = {}) => conditionsHold([condition], context(overrides));

describe('conditionsHold', () => {
  it('holds with no conditions, and with an empty list', () => {
    expect(conditionsHold(undefined, context())).toBe(true);
    expect(conditionsHold([], context())).toBe(true);
  });

  it('is false for conditions that are not a list', () => {
    expect(conditionsHold({ condition: 'room_is_public' }, context())).toBe(false);
    expect(conditionsHold('room_is_public', context())).toBe(false);
  });

  it.each([
    ['room_is_public', {}, true], ['room_is_public', { room: engineering }, false],
    ['user_is_admin', {}, true], ['user_is_admin', { user: grace }, false],
    ['user_is_guest', { user: guest }, true], ['user_is_guest', {}, false],
    ['user_is_room_owner', {}, true], ['user_is_room_owner', { room: engineering }, false], ['user_is_room_owner', { user: grace, room: engineering }, true],
  ])('%s in %j is %s', (condition, overrides, expected) => {
    expect(holds({ condition }, overrides as Partial<ConditionContext>)).toBe(expected);
  });

  it('negates a known condition with invert', () => {
    expect(holds({ condition: 'room_is_public', invert: true })).toBe(false);
    expect(holds({ condition: 'room_is_public', invert: true }, { room: engineering })).toBe(true);
  });

  it('is false for a condition it does not know, inverted or not', () => {
    expect(holds({ condition: 'moon_is_full' })).toBe(false);
    expect(holds({ condition: 'moon_is_full', invert: true })).toBe(false);
    expect(holds({ condition: 'toString' })).toBe(false);
    expect(holds({ condition: '__proto__' })).toBe(false);
  });

  it('is false for what is not a condition', () => {
    for (const nonsense of [null, 'room_is_public', 3, [], { condition: 7 }, { type: 'and' }, { type: 'xor', conditions: [] }]) {
      expect(holds(nonsense)).toBe(false);
    }
  });

  it('needs every condition of a list, and of an and group; one of an or group', () => {
    const publicRoom = { condition: 'room_is_public' };
    const owner = { condition: 'user_is_room_owner' };
    expect(conditionsHold([publicRoom, owner], context({ user: grace }))).toBe(false);
    expect(holds({ type: 'and', conditions: [publicRoom, owner] }, { user: grace })).toBe(false);
    expect(holds({ type: 'or', conditions: [publicRoom, owner] }, { user: grace })).toBe(true);
    expect(holds({ type: 'or', conditions: [{ condition: 'user_is_guest' }, owner] }, { user: grace })).toBe(false);
    expect(holds({ type: 'and', conditions: [publicRoom, { type: 'or', conditions: [owner, { condition: 'user_is_admin' }] }] })).toBe(true);
  });

  describe('message_matches', () => {
    const matches = (params: unknown, about: ConditionMessage = message()) => holds({ condition: 'message_matches', params }, { message: about });

    it('matches the type', () => {
      expect(matches({ type: 'message' })).toBe(true);
      expect(matches({ type: 'notification' })).toBe(false);
    });

    it('matches a file type against the media', () => {
      expect(matches({ file_type: 'image' }, message({ media: { type: 'image' } }))).toBe(true);
      expect(matches({ file_type: 'image' })).toBe(false);
    });

    it('searches the body with a regex and its flags', () => {
      expect(matches({ regex: { pattern: 'lisbon' } })).toBe(false);
      expect(matches({ regex: { pattern: 'lisbon', flags: 'i' } })).toBe(true);
      expect(matches({ regex: { pattern: '^Rain' } })).toBe(true);
      expect(matches({ regex: { pattern: '^tomorrow$', flags: 'm' } }, message({ body: 'Rain\ntomorrow' }))).toBe(true);
    });

    it('gives the same answer every time, whatever stateful flags it is given', () => {
      const condition = [{ condition: 'message_matches', params: { regex: { pattern: 'rain', flags: 'gi' } } }];
      const results = [1, 2, 3].map(() => conditionsHold(condition, context({ message: message() })));
      expect(results).toEqual([true, true, true]);
    });

    it('is false for a bad pattern, bad flags, or a pattern that is not a string', () => {
      expect(matches({ regex: { pattern: '(' } })).toBe(false);
      expect(matches({ regex: { pattern: 'rain', flags: 'q' } })).toBe(false);
      expect(matches({ regex: { pattern: 'rain', flags: 3 } })).toBe(false);
      expect(matches({ regex: 'rain' })).toBe(false);
    });

    it('matches the sender by id or @mention', () => {
      expect(matches({ sender: 2 })).toBe(true);
      expect(matches({ sender: '2' })).toBe(true);
      expect(matches({ sender: '@Grace' })).toBe(true);
      expect(matches({ sender: 'Grace' })).toBe(true);
      expect(matches({ sender: '@Ada' })).toBe(false);
    });

    it('needs every param it is given, and is false for none or an unknown one', () => {
      expect(matches({ type: 'message', sender: '@Grace' })).toBe(true);
      expect(matches({ type: 'message', sender: '@Ada' })).toBe(false);
      expect(matches({})).toBe(false);
      expect(matches(undefined)).toBe(false);
      expect(matches({ type: 'message', mood: 'happy' })).toBe(false);
    });

    it('is false where there is no message (a glance, a sidebar)', () => {
      expect(holds({ condition: 'message_matches', params: { type: 'message' } })).toBe(false);
    });
  });

  it('message_contains_link: a URL in the body, or a shared link', () => {
    const containsLink = (about: ConditionMessage) => holds({ condition: 'message_contains_link' }, { message: about });
    expect(containsLink(message({ body: 'see https://example.com/forecast' }))).toBe(true);
    expect(containsLink(message({ links: ['https://example.com'] }))).toBe(true);
    expect(containsLink(message({ body: 'see example.com' }))).toBe(false);
    expect(holds({ condition: 'message_contains_link' })).toBe(false);
  });

  it('message_sent_by_current_user', () => {
    expect(holds({ condition: 'message_sent_by_current_user' }, { user: grace, message: message() })).toBe(true);
    expect(holds({ condition: 'message_sent_by_current_user' }, { message: message() })).toBe(false);
    expect(holds({ condition: 'message_sent_by_current_user', invert: true }, { message: message() })).toBe(true);
    const notification = message({ sender: { id: null, name: 'Weather', mention: null } });
    expect(holds({ condition: 'message_sent_by_current_user' }, { message: notification })).toBe(false);
  });

  describe('glance_matches and card_matches', () => {
    const rules = (...metadata: unknown[]) => ({ metadata });

    it('compare metadata attributes by path, with eq and neq', () => {
      const glance = { metadata: { isConfigured: true, count: 4, owner: { name: 'Ada' }, tags: ['a', 'b'] } };
      const glanceMatches = (params: unknown) => holds({ condition: 'glance_matches', params }, { glance });
      expect(glanceMatches(rules({ attr: 'isConfigured', eq: true }))).toBe(true);
      expect(glanceMatches(rules({ attr: 'isConfigured', eq: true }, { attr: 'count', neq: 0 }))).toBe(true);
      expect(glanceMatches(rules({ attr: 'count', eq: '4' }))).toBe(false);
      expect(glanceMatches(rules({ attr: 'owner.name', eq: 'Ada' }))).toBe(true);
      expect(glanceMatches(rules({ attr: 'tags', eq: ['a', 'b'] }))).toBe(true);
      expect(glanceMatches(rules({ attr: 'missing', neq: 'x' }))).toBe(true);
      expect(glanceMatches(rules({ attr: 'missing', eq: 'x' }))).toBe(false);
      expect(glanceMatches(rules({ attr: 'owner.constructor', neq: 1 }))).toBe(true);
    });

    it('are false for rules they cannot read, or without the content', () => {
      const glance = { metadata: { isConfigured: true } };
      for (const params of [{}, rules(), { metadata: 'isConfigured' }, rules({ attr: 'isConfigured' }), rules({ eq: true })]) {
        expect(holds({ condition: 'glance_matches', params }, { glance })).toBe(false);
      }
      expect(holds({ condition: 'glance_matches', params: rules({ attr: 'isConfigured', eq: true }) })).toBe(false);
    });

    it('card_matches reads the card of the message', () => {
      const card = { metadata: { kind: 'forecast' } };
      const cardMatches = (about: ConditionMessage) => holds({ condition: 'card_matches', params: rules({ attr: 'kind', eq: 'forecast' }) }, { message: about });
      expect(cardMatches(message({ card }))).toBe(true);
      expect(cardMatches(message({ card: { metadata: { kind: 'news' } } }))).toBe(false);
      expect(cardMatches(message())).toBe(false);
    });
  });
});
