import { expandPath, joinApiUrl, parseRoute } from '../../../lib/hipchat/api-url';

describe('joinApiUrl', () => {
  it.each(['https://api.hipchat.com/v2', 'https://api.hipchat.com/v2/', 'https://api.hipchat.com/v2//'])('joins %s and a path with one slash', (base) => {
    expect(joinApiUrl(base, '/room/42')).toBe('https://api.hipchat.com/v2/room/42');
    expect(joinApiUrl(base, 'room/42')).toBe('https://api.hipchat.com/v2/room/42');
  });

  it('appends the query, leaving out what is undefined', () => {
    expect(joinApiUrl('http://h/v2', '/room', { 'start-index': 0, 'include-private': true, 'max-results': undefined })).toBe(
      'http://h/v2/room?start-index=0&include-private=true',
    );
    expect(joinApiUrl('http://h/v2', '/room', { only: undefined })).toBe('http://h/v2/room');
  });
});

describe('expandPath', () => {
  it('percent-encodes each value as one segment', () => {
    expect(expandPath('/room/{room}/notification', { room: 'Ops / Deploys' })).toBe('/room/Ops%20%2F%20Deploys/notification');
    expect(expandPath('/user/{user}', { user: 'ada+test@example.com' })).toBe('/user/ada%2Btest%40example.com');
    expect(expandPath('/room/{room}/webhook/{id}', { room: 7, id: 3 })).toBe('/room/7/webhook/3');
    expect(expandPath('/room/{room}', { room: 'Café ?#' })).toBe('/room/Caf%C3%A9%20%3F%23');
  });

  it.each([[{}], [{ room: '' }], [{ room: '.' }], [{ room: '..' }]])('refuses %j, which would address another resource', (values) => {
    expect(() => expandPath('/room/{room}', values)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID', details: { parameter: 'room' } }));
  });
});

describe('parseRoute', () => {
  it('splits a route into method and path', () => {
    expect(parseRoute('GET /room/{room}')).toEqual({ method: 'GET', template: '/room/{room}' });
  });

  it.each(['get /room', 'GET room', 'GET', '/room'])('refuses %j', (route) => {
    expect(() => parseRoute(route)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
  });
});
