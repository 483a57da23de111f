import { Feed, type FeedEvent } from '../../../lib/emulator/feed';

describe('Feed', () => {
  const rooms: FeedEvent = { type: 'rooms' };

  it('tells every listener until it unsubscribes', () => {
    const feed = new Feed();
    const first: FeedEvent[] = [];
    const second: FeedEvent[] = [];
    const stop = feed.subscribe((event) => first.push(event));
    feed.subscribe((event) => second.push(event));
    feed.publish(rooms);
    stop();
    feed.publish({ type: 'installations' });
    expect(first).toEqual([rooms]);
    expect(second).toEqual([rooms, { type: 'installations' }]);
  });

  it('drops a listener that throws, and goes on telling the others', () => {
    const feed = new Feed();
    const heard: FeedEvent[] = [];
    feed.subscribe(() => { throw new Error('a broken stream'); });
    feed.subscribe((event) => heard.push(event));
    feed.publish(rooms);
    feed.publish(rooms);
    expect(heard).toEqual([rooms, rooms]);
    expect(feed.size).toBe(1);
  });

  it('ends every subscription when it closes', () => {
    const feed = new Feed();
    const ended: string[] = [];
    feed.subscribe(() => {}, () => ended.push('one'));
    feed.subscribe(() => {}, () => ended.push('two'));
    feed.close();
    expect(ended).toEqual(['one', 'two']);
    expect(feed.size).toBe(0);
  });
});
