import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { problemsWith, schemasDir } from '../../../../lib/core/schemas';
import { WEBHOOK_EVENTS } from 'hipchat-connect';
import { roomMessagePayload } from '../../../bench/payload';

const readSchema = (file: string) => JSON.parse(readFileSync(path.join(schemasDir(), file), 'utf8'));

describe('schemas/events', () => {
  it('has one schema per webhook event, and every list of events agrees', () => {
    const files = readdirSync(path.join(schemasDir(), 'events')).filter((file) => file !== 'common.schema.json');
    expect(files.map((file) => file.replace('.schema.json', '')).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    expect(readSchema('events/common.schema.json').$defs.event.enum).toEqual(WEBHOOK_EVENTS);
    expect(readSchema('descriptor.schema.json').$defs.webhookEvent).toEqual({ $ref: 'events/common.schema.json#/$defs/event' });
  });

  it('accepts the real capture of a room_message', () => {
    expect(problemsWith('events/room_message', roomMessagePayload('oauth-1', '/weather'))).toEqual([]);
  });

  it('accepts members a host added, at every level', () => {
    const payload = roomMessagePayload('oauth-1', 'hi') as any;
    Object.assign(payload, { delivered_at: 1 });
    Object.assign(payload.item, { thread: {} });
    Object.assign(payload.item.message.from, { photo_url: 'https://example.com/a.png' });
    expect(problemsWith('events/room_message', payload)).toEqual([]);
  });

  it.each([
    ['a notification\'s "from" that is a user', 'events/room_notification', (p: any) => { p.event = 'room_notification'; }, [
      { path: '/item/message', rule: "must have required property 'message_format'" },
      { path: '/item/message', rule: "must have required property 'color'" },
      { path: '/item/message/from', rule: 'must be string' },
    ]],
    ['a message whose "from" is a string', 'events/room_message', (p: any) => { p.item.message.from = 'Jenkins'; }, [{ path: '/item/message/from', rule: 'must be object' }]],
    ['a room without an id', 'events/room_message', (p: any) => { delete p.item.room.id; }, [{ path: '/item/room', rule: "must have required property 'id'" }]],
    ['an envelope without its webhook_id', 'events/room_message', (p: any) => { delete p.webhook_id; }, [{ path: '', rule: "must have required property 'webhook_id'" }]],
    ['another event\'s name', 'events/room_message', (p: any) => { p.event = 'room_enter'; }, [{ path: '/event', rule: 'must be equal to constant "room_message"' }]],
    ['a date with no offset', 'events/room_message', (p: any) => { p.item.message.date = '2015-01-20 22:45'; }, [{ path: '/item/message/date', rule: 'must match format "date-time"' }]],
  ] as const)('refuses %s, naming the path and the rule', (_name, schema, change, problems) => {
    const payload = roomMessagePayload('oauth-1', 'hi');
    change(payload);
    expect(problemsWith(schema, payload)).toEqual(problems);
  });
});
