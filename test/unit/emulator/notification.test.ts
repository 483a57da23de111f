import { parseNotification } from '../../../lib/emulator/notification';

describe('parseNotification', () => {
  it('fills in the REST API\'s defaults', () => {
    expect(parseNotification({ message: 'hi' })).toEqual({ message: 'hi', color: 'yellow', notify: false, message_format: 'html' });
  });

  it('resolves a random color to one of the five', () => {
    expect(parseNotification({ message: 'hi', color: 'random' }, () => 0.99).color).toBe('gray');
    expect(parseNotification({ message: 'hi', color: 'random' }, () => 0).color).toBe('yellow');
  });

  it.each([
    [{}, 'message'],
    [{ message: '' }, 'message'],
    [{ message: 'x'.repeat(10_001) }, 'message'],
    [{ message: 'hi', color: 'blue' }, 'color'],
    [{ message: 'hi', notify: 'yes' }, 'notify'],
    [{ message: 'hi', message_format: 'markdown' }, 'message_format'],
    [{ message: 'hi', from: 'x'.repeat(65) }, 'from'],
    [{ message: 'hi', card: 'card' }, 'card'],
    [{ message: 'hi', card: { style: 'application', id: 'c', title: 'T', extra: 1 } }, 'card'],
    [{ message: 'hi', card: { style: 'sticker', id: 'c', title: 'T' } }, 'card/style'],
    [{ message: 'hi', card: { style: 'link', id: 'c', title: 'T', thumbnail: { url: 'ftp://x' } } }, 'card/thumbnail/url'],
  ])('refuses %j naming %s', (body, field) => {
    expect(() => parseNotification(body)).toThrow(expect.objectContaining({ code: 'PAYLOAD_INVALID', details: expect.objectContaining({ field }) }));
  });
});
