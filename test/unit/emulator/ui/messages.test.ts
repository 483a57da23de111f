import { actionMessage, conditionMessage, draftMessage, type HistoryMessage } from '../../../../lib/emulator/ui/messages.js';
import { placed, presentIn, targetOf, text, type Installation } from '../../../../lib/emulator/ui/modules.js';

const grace = { id: 2, name: 'Grace Hopper', mention_name: 'Grace' };
const said: HistoryMessage = { id: 'm1', date: '2026-01-01T10:00:00+00:00', type: 'message', from: grace, message: 'Rain in Oslo', message_format: 'text' };

describe('the message an action sends', () => {
  it('is {body, sender: {id, name, mention}, mid, type, metadata} for a user\'s message', () => {
    expect(actionMessage(said)).toEqual({ body: 'Rain in Oslo', sender: { id: 2, name: 'Grace Hopper', mention: 'Grace' }, mid: 'm1', type: 'message', metadata: {} });
  });

  it('carries a notification\'s card and its metadata, and a sender known by name only', () => {
    const card = { style: 'link', id: 'c1', title: 'Oslo', metadata: { city: 'Oslo' } };
    const notification: HistoryMessage = { ...said, id: 'm2', type: 'notification', from: 'Weather', message_format: 'html', card };
    expect(actionMessage(notification)).toEqual({
      body: 'Rain in Oslo', sender: { id: null, name: 'Weather', mention: null }, mid: 'm2', type: 'notification', metadata: { city: 'Oslo' }, card,
    });
  });

  it('carries a file as media', () => {
    expect(actionMessage({ ...said, file: { name: 'map.png', url: 'https://example.com/map.png' } }).media).toEqual({ name: 'map.png', url: 'https://example.com/map.png' });
  });

  it('is the draft, with no id, for an input action', () => {
    expect(draftMessage('Oslo tomorrow?', grace)).toEqual({ body: 'Oslo tomorrow?', sender: { id: 2, name: 'Grace Hopper', mention: 'Grace' }, mid: undefined, type: 'message', metadata: {} });
  });

  it('adds shared links and the card\'s URL for conditions', () => {
    const shared = { ...said, message_links: [{ url: 'https://example.com/a' }], card: { url: 'https://example.com/b' } };
    expect(conditionMessage(shared).links).toEqual(['https://example.com/a', 'https://example.com/b']);
    expect(conditionMessage(said).links).toEqual([]);
  });
});

describe('reading installed descriptors', () => {
  const installation = (oauthId: string, roomId: number | undefined, action: Array<{ key: string; weight?: number }>): Installation => ({
    oauthId, roomId, installedAt: '2026-01-01T00:00:00Z', descriptorUrl: 'http://127.0.0.1/d.json',
    descriptor: { key: oauthId, name: oauthId, capabilities: { action: action.map((entry) => ({ ...entry, name: { value: entry.key }, location: 'hipchat.message.action', target: 'x' })) } },
  });
  const group = installation('group', undefined, [{ key: 'late', weight: 200 }, { key: 'default' }]);
  const lobby = installation('lobby', 1, [{ key: 'early', weight: 10 }, { key: 'also-default' }]);
  const engineering = installation('engineering', 2, [{ key: 'elsewhere' }]);

  it('finds the installations present in a room: its own and the group\'s', () => {
    expect(presentIn([group, lobby, engineering], 1).map((each) => each.oauthId)).toEqual(['group', 'lobby']);
  });

  it('orders modules by weight, the default 100, declaration order among equals', () => {
    const keys = placed([group, lobby], (descriptor) => descriptor.capabilities?.action).map(({ module }) => module.key);
    expect(keys).toEqual(['early', 'default', 'also-default', 'late']);
  });

  it('reads texts and targets in both their forms', () => {
    expect(text({ value: 'Forecast', i18n: 'forecast.name' })).toBe('Forecast');
    expect(text('Forecast')).toBe('Forecast');
    expect(text(undefined)).toBe('');
    expect(targetOf('panel')).toEqual({ key: 'panel', options: {} });
    expect(targetOf({ key: 'dialog', options: { size: 'small' } })).toEqual({ key: 'dialog', options: { size: 'small' } });
  });
});
