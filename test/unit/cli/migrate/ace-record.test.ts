import { PassThrough } from 'node:stream';
import { convertAceRecord } from '../../../../lib/cli/migrate/ace-record';
import { createProgress } from '../../../../lib/cli/migrate/progress';

const capabilitiesUrl = 'https://hipchat.example.com/v2/capabilities';
const capabilitiesDoc = {
  key: 'hipchat', name: 'HipChat', links: { self: capabilitiesUrl, api: 'https://hipchat.example.com/v2' },
  capabilities: {
    oauth2Provider: { tokenUrl: 'https://hipchat.example.com/v2/oauth/token', authorizationUrl: 'https://hipchat.example.com/users/authorize' },
    hipchatApiProvider: { url: 'https://hipchat.example.com/v2/' },
  },
};
const clientInfo = { clientKey: 'abc', oauthSecret: 's3cret', capabilitiesUrl, capabilitiesDoc, groupId: 7, groupName: 'Team' };
const now = new Date('2026-12-01T00:00:00Z');
const convert = (value: unknown, key = 'p:abc:clientInfo') => convertAceRecord({ key, value: JSON.stringify(value) }, 'p:', now);

describe('convertAceRecord', () => {
  it('turns a group installation into an installation with the endpoints of its saved capabilities document', () => {
    expect(convert(clientInfo)).toEqual({ ok: true, installation: {
      oauthId: 'abc', oauthSecret: 's3cret', groupId: 7, groupName: 'Team', capabilitiesUrl,
      tokenUrl: 'https://hipchat.example.com/v2/oauth/token', apiUrl: 'https://hipchat.example.com/v2', installedAt: now.toISOString(),
    } });
  });

  it('keeps a room installation\'s roomId, and takes a record without groupName', () => {
    const { groupName: _name, ...withoutName } = clientInfo;
    const converted = convert({ ...withoutName, roomId: 12 });
    expect(converted.ok && converted.installation).toMatchObject({ roomId: 12 });
    expect(converted.ok && converted.installation).not.toHaveProperty('groupName');
  });

  it.each([
    ['a key that is not its own', { ...clientInfo, clientKey: 'other' }, 'clientKey other is not the key\'s own (abc)'],
    ['no secret', { ...clientInfo, oauthSecret: '' }, 'oauthSecret must be a non-empty string'],
    ['a room id as text', { ...clientInfo, roomId: '12' }, 'roomId must be an integer when present'],
    ['a token URL on another origin', { ...clientInfo, capabilitiesDoc: { ...capabilitiesDoc, capabilities: { ...capabilitiesDoc.capabilities, oauth2Provider: { tokenUrl: 'https://evil.example/token' } } } }, 'tokenUrl (https://evil.example/token) is not on the origin'],
    ['a relative capabilities URL', { ...clientInfo, capabilitiesUrl: '/v2/capabilities' }, 'capabilitiesUrl must be an absolute http(s) URL'],
    ['an array', [clientInfo], 'the value is not a JSON object'],
  ])('names the problem with %s', (_case, value, problem) => {
    const converted = convert(value);
    expect(converted.ok).toBe(false);
    expect(!converted.ok && converted.problems.join('; ')).toContain(problem);
  });
});

describe('progress off a terminal', () => {
  it('writes a line at each tenth and at the end, not a redrawn bar', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (written += chunk.toString()));
    const progress = createProgress(stream, 25, 'migrate');
    for (let i = 0; i < 25; i += 1) progress.tick();
    progress.stop();
    const lines = written.trim().split('\n');
    expect(lines.at(-1)).toBe('migrate 25/25');
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(written).not.toContain('\r');
  });
});
