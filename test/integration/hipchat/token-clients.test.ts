import { run as notifyCommand } from '../../../lib/cli/commands/notify';
import { createTokenClient, isConnectError, silentLogger } from 'hipchat-connect';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { runCommand } from '../../support/cli';
import { failureOf } from '../../support/failure';
import { expectNoUnhandledRejections } from '../../support/unhandled-rejections';

/**
 * Notification-only use (docs/protocol.md#notification-only-use) against the emulator: token clients with a
 * room notification token or a personal access token, and `hipchat-connect notify`, with no add-on and no
 * installation. Every exchange is checked against the OpenAPI contract.
 */
expectNoUnhandledRejections();
let emulator: CheckedEmulator;

beforeAll(async () => {
  emulator = await startCheckedEmulator();
});
afterEach(() => emulator?.assertContract());
afterAll(() => emulator?.close());

const clientWith = (token: string, apiUrl = emulator.apiUrl) => createTokenClient({ apiUrl, token, logger: silentLogger });
const lastIn = (room: number | string) => emulator.history(room).at(-1);

describe('a token client', () => {
  it('with a room notification token, notifies its room as the token\'s label, and reaches no other', async () => {
    // The API base as the capabilities document gives it, with a trailing slash.
    const deploys = clientWith(emulator.createRoomToken('Lobby', 'Deploys').token, `${emulator.apiUrl}/`);
    await deploys.rooms.notify('Lobby', 'Deployed v2');
    expect(lastIn(1)).toMatchObject({ type: 'notification', from: 'Deploys', message: 'Deployed v2' });
    expect((await deploys.rooms.participants(1).page()).items.map((user) => user.id)).toEqual([1, 2, 3]);

    const refused = await failureOf(deploys.rooms.notify('Engineering', 'not here'));
    expect(refused).toMatchObject({ code: 'HIPCHAT_ACCESS_DENIED', details: { status: 403 } });
  });

  it('with a personal token, acts as its user, in the private rooms the user is in only', async () => {
    const grace = clientWith(emulator.createPersonalToken('@Grace', ['send_message', 'view_group']).token);
    const { id } = await grace.rooms.sendMessage('Engineering', 'Ship it');
    expect(lastIn(2)).toMatchObject({ id, from: { id: 2, mention_name: 'Grace' }, message: 'Ship it' });

    const alan = clientWith(emulator.createPersonalToken('@Alan', ['view_group']).token);
    expect(await failureOf(alan.rooms.get('Engineering'))).toMatchObject({ code: 'HIPCHAT_ACCESS_DENIED', details: { status: 403 } });
    expect(isConnectError(await failureOf(alan.rooms.sendMessage(1, 'no scope')), 'HIPCHAT_ACCESS_DENIED')).toBe(true);
  });

  it('asks with authTest: false for a scope the token lacks (401) and a room beyond its reach (403)', async () => {
    const roomToken = clientWith(emulator.createRoomToken(1).token);
    expect(await roomToken.authTest('POST /room/{room}/notification', { path: { room: 1 } })).toBe(true);
    expect(await roomToken.authTest('GET /user')).toBe(false);
    expect(await roomToken.authTest('POST /room/{room}/notification', { path: { room: 2 } })).toBe(false);
    expect(emulator.log.apiRefusals.slice(-2).map(({ status, code }) => [status, code])).toEqual([[401, 'SCOPE_MISSING'], [403, 'ACCESS_FORBIDDEN']]);
  });
});

describe('hipchat-connect notify', () => {
  it('sends a notification with a room token from the shell', async () => {
    const { token } = emulator.createRoomToken(1, 'CI');
    const result = await runCommand(notifyCommand, '--room', 'Lobby', '--token', token, '--api-url', emulator.apiUrl, '--color', 'green', '--notify', 'Deploy', 'finished');

    expect(result).toEqual({ code: 0, stdout: '✓ Sent to room Lobby\n', stderr: '' });
    expect(lastIn(1)).toMatchObject({ from: 'CI', message: 'Deploy finished', message_format: 'text', color: 'green', notify: true });
  });

  it('exits 1 with HIPCHAT_ACCESS_DENIED when the token may not post there', async () => {
    const { token } = emulator.createRoomToken(1, 'CI');
    const { code, stderr } = await runCommand(notifyCommand, '--room', 'Engineering', '--token', token, '--api-url', emulator.apiUrl, 'hello');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^✗ HIPCHAT_ACCESS_DENIED: .*403/);
  });
});
