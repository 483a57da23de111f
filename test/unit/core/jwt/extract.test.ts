import { extractToken, MAX_TOKEN_LENGTH, optionalToken } from '../../../../lib/core/jwt/extract';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('extractToken', () => {
  it.each([
    ['JWT <t>', { authorization: 'JWT a.b.c' }],
    ['JWT token=<t>', { authorization: 'JWT token=a.b.c' }],
    ['a quoted token=', { authorization: 'jwt token="a.b.c"' }],
    ['signed_request in the query', { query: { signed_request: 'a.b.c' } }],
    ['signed_request in a body', { body: { signed_request: 'a.b.c' } }],
  ])('finds the token in %s', (_name, carrier) => {
    expect(extractToken(carrier)).toBe('a.b.c');
  });

  it('prefers the header to the query', () => {
    expect(extractToken({ authorization: 'JWT header.t.x', query: { signed_request: 'query.t.x' } })).toBe('header.t.x');
  });

  it.each([
    ['nothing', {}, 'JWT_MISSING'],
    ['an empty signed_request', { query: { signed_request: '' } }, 'JWT_MISSING'],
    ['a Bearer header', { authorization: 'Bearer a.b.c' }, 'JWT_MALFORMED'],
    ['a repeated signed_request', { query: { signed_request: ['a', 'b'] } }, 'JWT_MALFORMED'],
    ['an oversized token', { authorization: `JWT ${'a'.repeat(MAX_TOKEN_LENGTH + 1)}` }, 'JWT_TOO_LARGE'],
  ])('refuses %s', (_name, carrier, code) => {
    expect(codeOf(() => extractToken(carrier))).toBe(code);
  });
});

describe('optionalToken', () => {
  it('finds the token in any form extractToken reads', () => {
    expect(optionalToken({ authorization: 'jwt token="a.b.c"' })).toBe('a.b.c');
  });

  it.each([
    ['no header', { authorization: undefined }],
    ['another scheme', { authorization: 'Bearer a.b.c' }],
    ['an oversized token', { authorization: `JWT ${'a'.repeat(MAX_TOKEN_LENGTH + 1)}` }],
  ])('answers undefined for %s', (_name, carrier) => {
    expect(optionalToken(carrier)).toBeUndefined();
  });
});
