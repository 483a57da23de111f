import { run } from '../../../lib/cli/commands/notify';
import { json, startApiServer, type ApiServer } from '../../support/api-server';
import { runCommand } from '../../support/cli';

/** `hipchat-connect notify` against a small server standing for the REST API. */
let api: ApiServer;
const notify = (...args: string[]) => runCommand(run, ...args);

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
  api.answer = (_request, response) => void response.writeHead(204).end();
  delete process.env.HIPCHAT_TOKEN;
  delete process.env.HIPCHAT_API_URL;
});

describe('hipchat-connect notify', () => {
  it('sends the notification with the bearer token and a JSON body, and exits 0', async () => {
    const result = await notify('--room', 'Ops Room', '--token', 'abc123', '--api-url', api.apiUrl, '--color', 'green', '--notify', 'Deploy', 'finished');

    expect(result).toEqual({ code: 0, stdout: '✓ Sent to room Ops Room\n', stderr: '' });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(`${request!.method} ${request!.url}`).toBe('POST /v2/room/Ops%20Room/notification');
    expect(request!.headers.authorization).toBe('Bearer abc123');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({ message: 'Deploy finished', message_format: 'text', notify: true, color: 'green' });
  });

  it('takes the token and the API URL from HIPCHAT_TOKEN and HIPCHAT_API_URL', async () => {
    process.env.HIPCHAT_TOKEN = 'from-env';
    process.env.HIPCHAT_API_URL = api.apiUrl;
    expect((await notify('--room', '7', '--format', 'html', '--from', 'CI', '<b>green</b>')).code).toBe(0);
    expect(api.requests[0]!.headers.authorization).toBe('Bearer from-env');
    expect(api.requests[0]!.body).toEqual({ message: '<b>green</b>', message_format: 'html', notify: false, from: 'CI' });
  });

  it('exits 1 and says why when the host refuses the token', async () => {
    api.answer = (_request, response) => json(response, 401, { error: { code: 401, type: 'Unauthorized', message: 'Invalid OAuth session' } });
    const { code, stdout, stderr } = await notify('--room', '7', '--token', 'wrong', '--api-url', api.apiUrl, 'hello');

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^✗ HIPCHAT_ACCESS_DENIED: .*401: Invalid OAuth session\nCheck the token/);
    expect(api.requests).toHaveLength(1);
  });

  it('exits 1 when the host cannot be reached', async () => {
    const { code, stderr } = await notify('--room', '7', '--token', 't', '--api-url', 'http://127.0.0.1:1/v2', 'hello');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^✗ HIPCHAT_UNREACHABLE: /);
  });

  it.each([
    [['hello'], 'Missing --room'],
    [['--room', '7', 'hello'], 'Missing --token'],
    [['--room', '7', '--token', 't'], 'Missing the message'],
    [['--room', '7', '--token', 't', '--color', 'blue', 'hi'], '--color must be one of'],
    [['--room', '7', '--token', 't', '--format', 'markdown', 'hi'], '--format must be text or html'],
    [['--room', '7', '--token', 't', '--api-url', 'api.hipchat.com', 'hi'], '--api-url must be an absolute http(s) URL'],
    [['--room', '7', '--token', 't', '--colour', 'red', 'hi'], "Unknown option '--colour'"],
  ])('exits 2 on a usage mistake: %j', async (args, said) => {
    const { code, stdout, stderr } = await notify(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(said);
    expect(stderr).toContain('Usage: hipchat-connect notify');
    expect(api.requests).toHaveLength(0);
  });

  it('prints its help and exits 0', async () => {
    const { code, stdout } = await notify('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--room <id-or-name>');
  });
});
