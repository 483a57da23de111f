import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../../../lib/cli/commands/receive';
import { testEvent } from 'hipchat-connect/testing';
import { runCommand } from '../../../support/cli';

const receive = (...args: string[]) => runCommand(run, ...args);
const addonModule = path.join(__dirname, '..', '..', '..', 'fixtures', 'addons', 'echo.ts');

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'hipchat-connect-receive-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function payloadFile(payload: unknown): string {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

describe('hipchat-connect receive', () => {
  it('runs a slash command through the add-on\'s handlers and prints the reply', async () => {
    const { code, stdout } = await receive('--event', 'room_message', '--text', '/echo hello there', addonModule);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ message: 'hello there', message_format: 'text' });
  });

  it('says when no handler replied', async () => {
    expect(await receive('--event', 'room_message', '--text', 'just chatting', addonModule)).toEqual({ code: 0, stdout: '(no reply)\n', stderr: '' });
  });

  it('reads a saved payload', async () => {
    const { stdout } = await receive('--payload', payloadFile(testEvent('room_enter', { sender: { mention_name: 'Ada' } })), addonModule);
    expect(JSON.parse(stdout)).toEqual({ message: 'Welcome, @Ada' });
  });

  it('refuses a payload that breaks its schema, as the HTTP route would', async () => {
    const file = payloadFile(testEvent('room_enter', { room: { id: undefined } }));
    await expect(receive('--payload', file, addonModule)).rejects.toMatchObject({ code: 'PAYLOAD_INVALID' });
  });

  it.each([
    [[]],
    [[addonModule]],
    [['--event', 'room_joined', addonModule]],
    [['--event', 'room_enter', '--text', 'hi', addonModule]],
    [['--event', 'room_enter', '--payload', 'x.json', addonModule]],
  ])('exits 2 on a usage mistake: %j', async (args) => {
    const { code, stderr } = await receive(...args);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: hipchat-connect receive');
  });
});
