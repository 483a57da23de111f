import { existsSync } from 'node:fs';
import path from 'node:path';
import { reservePort } from '../../../lib/dev/port';
import { freeLoopbackPort } from '../../support/redis';
import { devEnvironment, makeDevProject, startDev, type DevProject } from '../../support/dev-project';

/**
 * `--tunnel ngrok` with @ngrok/ngrok installed (it is an optional dependency, present here) but nothing
 * to open a tunnel with. Each failure is an exit 1 naming the fix, before dev starts anything. No
 * request leaves the machine: the missing token stops dev before ngrok is asked, and the failed open
 * goes to ngrok's `server_addr` pointed at a closed port on loopback.
 */
jest.setTimeout(60_000);

let project: DevProject;
let port: number;
beforeEach(async () => {
  project = makeDevProject();
  port = await freeLoopbackPort();
});
afterEach(() => project.remove());

async function expectNothingStarted(): Promise<void> {
  expect(existsSync(path.join(project.dir, '.hipchat-connect'))).toBe(false);
  await expect(reservePort(port)).resolves.toBe(port);
}

it('without NGROK_AUTHTOKEN, says to set it and exits 1', async () => {
  const dev = startDev(project, ['--port', String(port), '--tunnel', 'ngrok']);
  expect(await dev.exited).toBe(1);
  expect(dev.transcript()).toContain('hipchat-connect dev: TUNNEL_UNAVAILABLE: --tunnel ngrok needs an ngrok authtoken: set NGROK_AUTHTOKEN');
  expect(require.resolve('@ngrok/ngrok')).toContain('@ngrok');
  await expectNothingStarted();
});

it('when the tunnel fails to open, says why and what to check, and exits 1', async () => {
  const closed = await freeLoopbackPort();
  const dev = startDev(project, ['--port', String(port), '--tunnel', 'ngrok'], devEnvironment({ NGROK_AUTHTOKEN: 'not-a-real-token', NGROK_SERVER_ADDR: `127.0.0.1:${closed}` }));
  expect(await dev.exited).toBe(1);
  expect(dev.transcript()).toMatch(/TUNNEL_UNAVAILABLE: ngrok could not open a tunnel: .+\. Check your network and NGROK_AUTHTOKEN, or use --tunnel-url <url>/);
  await expectNothingStarted();
});
