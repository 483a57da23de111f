import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { run } from '../../../../lib/cli/commands/validate';
import { runCommand } from '../../../support/cli';
import { FIXTURES, fixtureText } from '../../core/descriptor/helpers';

const validate = (...args: string[]) => runCommand(run, ...args);

const file = (name: string) => path.join(FIXTURES, name);

describe('hipchat-connect validate', () => {
  it('prints the key and module count of a valid descriptor and exits 0', async () => {
    expect(await validate(file('full.json'))).toEqual({ code: 0, stdout: '✓ com.example.weather: valid descriptor (9 modules)\n', stderr: '' });
  });

  it('prints each problem on its own line and exits 1', async () => {
    const { code, stdout } = await validate(file('invalid.json'));
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `✗ ${file('invalid.json')}: invalid descriptor`,
      '/capabilities/hipchatApiConsumer/scopes/0: must be equal to one of the allowed values',
      '/capabilities/webhook/0/pattern: is not allowed here',
      '',
    ]);
  });

  it('fills a template from --base-url', async () => {
    const { code, stdout } = await validate(file('atlassian-connect.json'), '--base-url', 'https://abc.ngrok.io/addon');
    expect({ code, stdout }).toEqual({ code: 0, stdout: '✓ com.example.migrated: valid descriptor (2 modules)\n' });
  });

  it('fills a template from http://localhost:3000 by default', async () => {
    expect((await validate(file('atlassian-connect.json'))).code).toBe(0);
  });

  it('exits 1 when the file cannot be read', async () => {
    const { code, stderr } = await validate(file('missing.json'));
    expect(code).toBe(1);
    expect(stderr).toContain('missing.json');
  });

  it('prints help with --help and exits 0', async () => {
    const { code, stdout } = await validate('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: hipchat-connect validate <file-or-url>');
  });

  it.each([[[]], [['--bogus', 'x.json']], [['a.json', 'b.json']]])('exits 2 on a usage mistake: %j', async (args) => {
    const { code, stderr } = await validate(...args);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage:');
  });

  describe('given a URL', () => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.url !== '/descriptor.json') return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': 'application/json' }).end(fixtureText('minimal.json'));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('fetches and validates the descriptor', async () => {
      expect(await validate(`${base}/descriptor.json`)).toEqual({ code: 0, stdout: '✓ com.example.minimal: valid descriptor (0 modules)\n', stderr: '' });
    });

    it('exits 1 when the URL does not answer 2xx', async () => {
      const { code, stderr } = await validate(`${base}/nothing.json`);
      expect(code).toBe(1);
      expect(stderr).toContain('answered HTTP 404');
    });
  });
});
