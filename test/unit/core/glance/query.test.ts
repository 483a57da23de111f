import { createInstallationClient, MemoryStore, silentLogger, type GlanceData } from 'hipchat-connect';
import { glanceDataProblems } from 'hipchat-connect/testing';
import { queryGlance } from '../../../../lib/core/glance';
import { viewerOf } from '../../../../lib/core/ui/viewer';
import { fakeInstallation } from '../../../support/installations';

const verified = { installation: fakeInstallation(), claims: { iss: 'oauth-1', sub: '7', iat: 1, exp: 2, context: { room_id: 9 } } };
const viewer = () => viewerOf(verified, (installation) => createInstallationClient(installation, { store: new MemoryStore() }));
const label = (value: string) => ({ label: { type: 'html', value } });

describe('glance data (schemas/glance.schema.json)', () => {
  it.each([
    ['plain text', label('4 open PRs')],
    ['the four allowed tags', label('<b>4</b> <strong>open</strong> <em>PRs</em> <i>today</i>')],
    ['character references', label('Tom &amp; Jerry &lt;3')],
    ['a lozenge', { ...label('x'), status: { type: 'lozenge', value: { label: 'GOOD', type: 'success' } } }],
    ['an icon', { ...label('x'), status: { type: 'icon', value: { url: 'https://a.example/i.png', 'url@2x': 'https://a.example/i2.png' } } }],
    ['free metadata', { ...label('x'), metadata: { count: 4, nested: { open: true } } }],
  ])('accepts %s', (_name, data) => {
    expect(glanceDataProblems(data)).toEqual([]);
  });

  it.each([
    ['a script tag', label('<script>alert(1)</script>'), '/label/value'],
    ['a link', label('<a href="https://evil.example">click</a>'), '/label/value'],
    ['an attribute on an allowed tag', label('<b onclick="x()">4</b>'), '/label/value'],
    ['a stray <', label('1 < 2'), '/label/value'],
    ['an empty label', label(''), '/label/value'],
    ['a label of another type', { label: { type: 'text', value: 'x' } }, '/label/type'],
    ['an unknown lozenge type', { ...label('x'), status: { type: 'lozenge', value: { label: 'OK', type: 'fine' } } }, '/status'],
    ['an icon without its 2x', { ...label('x'), status: { type: 'icon', value: { url: 'https://a.example/i.png' } } }, '/status'],
    ['a misspelt member', { ...label('x'), meta: {} }, ''],
    ['no label', {}, ''],
  ])('refuses %s', (_name, data, path) => {
    expect(glanceDataProblems(data).map((problem) => problem.path)).toContain(path);
  });
});

describe('queryGlance', () => {
  it('hands the handler the viewer and returns valid data', async () => {
    const data: GlanceData = { label: { type: 'html', value: '<b>21°</b>' } };
    let seen: unknown;
    const answer = await queryGlance('forecast', (context) => ((seen = context), data), viewer(), silentLogger);
    expect(answer).toBe(data);
    expect(seen).toMatchObject({ key: 'forecast', roomId: 9, userId: '7', installation: { oauthId: 'oauth-1' }, client: { installation: { oauthId: 'oauth-1' } } });
  });

  it('turns invalid data into GLANCE_INVALID and logs the problems', async () => {
    const logged: unknown[] = [];
    const logger = { ...silentLogger, error: (fields: Record<string, unknown>) => void logged.push(fields) };
    const error = await queryGlance('g', () => label('<img src=x>') as GlanceData, viewer(), logger).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GLANCE_INVALID', status: 500 });
    expect(logged).toEqual([expect.objectContaining({ glance: 'g', problems: expect.stringContaining('/label/value') })]);
  });

  it('turns a throwing handler into HANDLER_FAILED', async () => {
    const error = await queryGlance('g', () => { throw new Error('down'); }, viewer(), silentLogger).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'HANDLER_FAILED', status: 500 });
  });
});
