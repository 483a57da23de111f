import { dispatch, event, HostApiError, parseFrameMessage, response, type HostApi } from '../../../../lib/emulator/ui/protocol.js';

describe('parseFrameMessage', () => {
  it('reads init, requests and receipts', () => {
    expect(parseFrameMessage({ type: 'init' })).toEqual({ type: 'init' });
    expect(parseFrameMessage({ type: 'req', mid: 'f1', mod: 'auth', fn: 'withToken', args: [] })).toEqual({ type: 'req', mid: 'f1', mod: 'auth', fn: 'withToken', args: [] });
    expect(parseFrameMessage({ type: 'resp', mid: 'h1', args: [null, { handled: true }] })).toEqual({ type: 'resp', mid: 'h1', args: [null, { handled: true }] });
  });

  it('keeps only the fields of the protocol', () => {
    expect(parseFrameMessage({ type: 'req', mid: 'f1', mod: 'auth', fn: 'withToken', args: [], oauthId: 'someone-else' })).not.toHaveProperty('oauthId');
    expect(parseFrameMessage({ type: 'init', as: 'another frame' })).toEqual({ type: 'init' });
  });

  it.each([
    ['nothing', undefined], ['a string', 'req'], ['null', null], ['an unknown type', { type: 'evt', mid: 'x', args: [] }],
    ['a request without args', { type: 'req', mid: 'f1', mod: 'auth', fn: 'withToken' }],
    ['a request whose args are not a list', { type: 'req', mid: 'f1', mod: 'auth', fn: 'withToken', args: {} }],
    ['a request with too many args', { type: 'req', mid: 'f1', mod: 'auth', fn: 'withToken', args: new Array(9).fill(0) }],
    ['a request without a module', { type: 'req', mid: 'f1', fn: 'withToken', args: [] }],
    ['a request with a number for an id', { type: 'req', mid: 1, mod: 'auth', fn: 'withToken', args: [] }],
    ['a request with a name out of the grammar', { type: 'req', mid: 'f1', mod: 'auth', fn: 'with token()', args: [] }],
    ['a request with an overlong id', { type: 'req', mid: 'f'.repeat(101), mod: 'auth', fn: 'withToken', args: [] }],
  ])('refuses %s', (_what, data) => {
    expect(parseFrameMessage(data)).toBeUndefined();
  });
});

describe('response and event', () => {
  it('build the answers the host sends', () => {
    expect(response('f1', null, 'token')).toEqual({ type: 'resp', mid: 'f1', args: [null, 'token'] });
    expect(response('f1', { code: 'UNKNOWN_CALL', message: 'no' })).toEqual({ type: 'resp', mid: 'f1', args: [{ code: 'UNKNOWN_CALL', message: 'no' }] });
    expect(event('h1', 'dialog-button-click', { action: 'save' })).toEqual({ type: 'evt', etyp: 'dialog-button-click', evnt: { action: 'save' }, mid: 'h1' });
  });
});

describe('dispatch', () => {
  const caller = { name: 'frame one' };
  const api: HostApi = {
    user: { getCurrentUser: (frame) => ({ id: 1, askedBy: frame.name }) },
    auth: { withToken: async () => 'token-1' },
    dialog: {
      open: (_frame, options) => ({ opened: options.key }),
      close: () => undefined,
      refuse: () => { throw new HostApiError('NO_DIALOG', 'No dialog of this add-on is open'); },
      crash: () => { throw new TypeError('boom'); },
      reject: () => Promise.reject(new Error('later boom')),
    },
  };
  const request = (mod: string, fn: string, args: unknown[] = []) => dispatch(api, caller, { type: 'req', mid: 'f7', mod, fn, args });

  it('calls the API with the calling frame first, and answers the result', async () => {
    await expect(request('user', 'getCurrentUser')).resolves.toEqual({ type: 'resp', mid: 'f7', args: [null, { id: 1, askedBy: 'frame one' }] });
    await expect(request('auth', 'withToken')).resolves.toEqual({ type: 'resp', mid: 'f7', args: [null, 'token-1'] });
    await expect(request('dialog', 'open', [{ key: 'choose-city' }])).resolves.toMatchObject({ args: [null, { opened: 'choose-city' }] });
  });

  it('answers null for a call with nothing to say', async () => {
    await expect(request('dialog', 'close')).resolves.toEqual({ type: 'resp', mid: 'f7', args: [null, null] });
  });

  it('answers UNKNOWN_CALL for a module or method it does not have, inherited members included', async () => {
    for (const [mod, fn] of [['room', 'create'], ['dialog', 'explode'], ['toString', 'call'], ['dialog', 'constructor'], ['__proto__', 'valueOf'], ['user', 'hasOwnProperty']] as const) {
      const answer = await request(mod, fn);
      expect(answer).toMatchObject({ type: 'resp', mid: 'f7', args: [{ code: 'UNKNOWN_CALL' }] });
    }
  });

  it('answers a coded error when the call fails, thrown or rejected', async () => {
    await expect(request('dialog', 'refuse')).resolves.toEqual({ type: 'resp', mid: 'f7', args: [{ code: 'NO_DIALOG', message: 'No dialog of this add-on is open' }] });
    await expect(request('dialog', 'crash')).resolves.toEqual({ type: 'resp', mid: 'f7', args: [{ code: 'CALL_FAILED', message: 'boom' }] });
    await expect(request('dialog', 'reject')).resolves.toEqual({ type: 'resp', mid: 'f7', args: [{ code: 'CALL_FAILED', message: 'later boom' }] });
  });
});
