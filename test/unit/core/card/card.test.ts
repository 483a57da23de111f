import { assertValidCard, cardFallbackText, cardProblems, type Card } from 'hipchat-connect';
import { notificationBody } from '../../../../lib/hipchat/notification';

const card: Card = { style: 'link', id: 'c1', title: 'Release 2.0', url: 'https://example.com/releases/2.0' };

describe('cardFallbackText', () => {
  it('is the title, the description and the link, one a line', () => {
    expect(cardFallbackText({ ...card, description: 'Faster and smaller' })).toBe('Release 2.0\nFaster and smaller\nhttps://example.com/releases/2.0');
  });

  it('turns an HTML description into text', () => {
    const description = { value: '<b>Faster</b> &amp; <a href="x">smaller</a>', format: 'html' as const };
    expect(cardFallbackText({ ...card, url: undefined, description })).toBe('Release 2.0\nFaster & smaller');
  });

  it('keeps a text description as it is', () => {
    expect(cardFallbackText({ ...card, url: undefined, description: { value: 'a <b> c', format: 'text' } })).toBe('Release 2.0\na <b> c');
  });

  it('never exceeds what a notification may carry', () => {
    expect(cardFallbackText({ ...card, title: 'x'.repeat(500), description: { value: 'y'.repeat(1000), format: 'text' } }).length).toBeLessThanOrEqual(10_000);
  });
});

describe('card validation', () => {
  it('accepts a full card', () => {
    expect(cardProblems({
      ...card, style: 'application', format: 'medium', date: 1_700_000_000_000,
      description: { value: '<b>New</b>', format: 'html' }, icon: { url: 'https://example.com/i.png' },
      thumbnail: { url: 'https://example.com/t.png', width: 10, height: 10 }, activity: { html: '<b>Ada</b> released' },
      attributes: [{ label: 'Status', value: { label: 'Shipped', style: 'lozenge-success' } }], metadata: { any: ['thing'] },
    })).toEqual([]);
  });

  it('names every problem by path', () => {
    expect(cardProblems({ style: 'tweet', id: '', title: 'x', extra: 1 })).toEqual([
      { path: '', rule: 'must NOT have additional properties (extra)' },
      { path: '/style', rule: 'must be equal to one of the allowed values' },
      { path: '/id', rule: 'must NOT have fewer than 1 characters' },
    ]);
    expect(() => assertValidCard({ ...card, url: 'ftp://x' })).toThrow(expect.objectContaining({ code: 'CARD_INVALID' }));
  });
});

describe('notificationBody', () => {
  it('sends a plain string as text', () => {
    expect(notificationBody('a < b')).toEqual({ message: 'a < b', message_format: 'text' });
  });

  it('makes the message from the card when none is given, as text whatever format was asked', () => {
    expect(notificationBody({ card, message_format: 'html', notify: true })).toEqual({
      card, notify: true, message: 'Release 2.0\nhttps://example.com/releases/2.0', message_format: 'text',
    });
  });

  it('keeps the fields it is given', () => {
    expect(notificationBody({ message: 'x', color: 'red', from: 'CI', attach_to: 'm1' })).toEqual({ message: 'x', color: 'red', from: 'CI', attach_to: 'm1' });
  });

  it.each([[{ message: '' }], [{ message: 'x'.repeat(10_001) }], [{} as never]])('refuses %j', (notification) => {
    expect(() => notificationBody(notification)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
  });
});
