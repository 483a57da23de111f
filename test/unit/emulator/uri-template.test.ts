import { fillUriTemplate } from '../../../lib/emulator/uri-template';

describe('fillUriTemplate', () => {
  const values = {
    room_id: 1, user_id: 2, flag: true,
    message: { body: 'Rain & sun in Oslo/Bergen?', sender: { name: 'Grace Hopper', mention: 'Grace' }, metadata: { city: 'Oslo' } },
    tags: ['a b', 'c'],
  };

  it('fills names and dotted paths, URL-encoded', () => {
    expect(fillUriTemplate('http://127.0.0.1/panel?room={room_id}&user={user_id}&admin={flag}', values)).toBe('http://127.0.0.1/panel?room=1&user=2&admin=true');
    expect(fillUriTemplate('http://127.0.0.1/p?text={message.body}', values)).toBe('http://127.0.0.1/p?text=Rain%20%26%20sun%20in%20Oslo%2FBergen%3F');
    expect(fillUriTemplate('http://127.0.0.1/users/{message.sender.mention}', values)).toBe('http://127.0.0.1/users/Grace');
  });

  it('JSON-encodes objects and arrays, then URL-encodes them', () => {
    expect(fillUriTemplate('http://127.0.0.1/p?m={message.metadata}&t={tags}', values))
      .toBe(`http://127.0.0.1/p?m=${encodeURIComponent('{"city":"Oslo"}')}&t=${encodeURIComponent('["a b","c"]')}`);
  });

  it('leaves a name without a value empty, and reads own properties only', () => {
    expect(fillUriTemplate('http://127.0.0.1/p?x={nothing}&y={message.missing.deeper}&z={room_id.toString}', values)).toBe('http://127.0.0.1/p?x=&y=&z=');
    expect(fillUriTemplate('http://127.0.0.1/p?c={constructor}&p={message.__proto__}', values)).toBe('http://127.0.0.1/p?c=&p=');
  });

  it('leaves text that is not a placeholder as it is', () => {
    expect(fillUriTemplate('http://127.0.0.1/p?a={not a name}&b={}&c={{room_id}}', values)).toBe('http://127.0.0.1/p?a={not a name}&b={}&c={1}');
  });
});
