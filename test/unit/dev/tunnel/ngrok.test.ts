import { openNgrokTunnel } from '../../../../lib/dev/tunnel/ngrok';

/** Without the optional package: the error says how to install it. (The other failures run for real in test/integration/dev/ngrok.test.ts.) */
it('names the package to install when @ngrok/ngrok is not there', async () => {
  const missing = Object.assign(new Error("Cannot find module '@ngrok/ngrok'"), { code: 'MODULE_NOT_FOUND' });
  await expect(openNgrokTunnel({ port: 3000, env: { NGROK_AUTHTOKEN: 'token' }, load: () => Promise.reject(missing) })).rejects.toMatchObject({
    code: 'TUNNEL_UNAVAILABLE', message: expect.stringContaining('run npm install @ngrok/ngrok'),
  });
});

it('passes any other loading failure on as it is', async () => {
  const broken = new Error('a native binding that does not load');
  await expect(openNgrokTunnel({ port: 3000, env: {}, load: () => Promise.reject(broken) })).rejects.toBe(broken);
});
