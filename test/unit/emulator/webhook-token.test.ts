import jwt from 'jsonwebtoken';
import { extractToken } from '../../../lib/core/jwt/extract';
import { placeToken, signWebhookToken, TOKEN_FORMS } from '../../../lib/emulator/webhook-token';

const input = { oauthId: 'client-1', oauthSecret: 's3cret-s3cret', userId: 2, roomId: 1, userTz: 'America/New_York', issuedAt: 1_700_000_000 };

describe('signWebhookToken', () => {
  it('signs HS256 with the installation secret and the claims HipChat sent', () => {
    const token = signWebhookToken(input);
    const verified = jwt.verify(token, input.oauthSecret, { algorithms: ['HS256'], clockTimestamp: input.issuedAt, complete: true });
    expect(verified.header.alg).toBe('HS256');
    expect(verified.payload).toEqual({
      iss: 'client-1', sub: '2', iat: 1_700_000_000, exp: 1_700_003_600, jti: expect.any(String),
      context: { room_id: 1, user_tz: 'America/New_York' },
    });
  });

  it('gives every token its own jti', () => {
    const jtiOf = (token: string) => (jwt.decode(token) as { jti: string }).jti;
    expect(jtiOf(signWebhookToken(input))).not.toBe(jtiOf(signWebhookToken(input)));
  });

  it('does not verify with another secret', () => {
    expect(() => jwt.verify(signWebhookToken(input), 'other', { algorithms: ['HS256'], clockTimestamp: input.issuedAt })).toThrow(/signature/);
  });
});

describe('placeToken', () => {
  const url = 'http://127.0.0.1:3000/webhook/message?x=1';

  it('puts the token in the Authorization header as `JWT <t>` by default form', () => {
    expect(placeToken(url, 'abc', 'header')).toEqual({ url, headers: { authorization: 'JWT abc' } });
  });

  it('puts it in the header as `JWT token=<t>`', () => {
    expect(placeToken(url, 'abc', 'header-token')).toEqual({ url, headers: { authorization: 'JWT token=abc' } });
  });

  it('puts it in the signed_request query parameter, keeping the query the URL had', () => {
    const placed = placeToken(url, 'abc', 'query');
    expect(placed.headers).toEqual({});
    expect(Object.fromEntries(new URL(placed.url).searchParams)).toEqual({ x: '1', signed_request: 'abc' });
  });

  it.each(TOKEN_FORMS)('places a token the toolkit finds again (%s)', (form) => {
    const placed = placeToken(url, 'a.b.c', form);
    const query = Object.fromEntries(new URL(placed.url).searchParams);
    expect(extractToken({ authorization: placed.headers.authorization, query })).toBe('a.b.c');
  });
});
