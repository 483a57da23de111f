import { startEmulator, type Emulator } from 'hipchat-connect/emulator';
import { Notifier, settingsFromEnvironment } from '../src/notifier';
import { run } from '../src/notify';

/** The notifier against the emulator (a local HipChat): its REST API checks tokens and scopes as HipChat did. */
describe('the notifier, posting to the emulator', () => {
  let emulator: Emulator;
  let lobby: number;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    emulator = await startEmulator();
    lobby = emulator.rooms[0]!.id;
    env = { HIPCHAT_API_URL: emulator.apiUrl, HIPCHAT_TOKEN: emulator.createRoomToken(lobby, 'Releases').token, HIPCHAT_ROOM: String(lobby) };
  });
  afterAll(() => emulator.close());
  const lastInLobby = () => emulator.history(lobby).at(-1);

  it('posts a notification with a room token', async () => {
    await new Notifier(settingsFromEnvironment(env)).say('Build 17 passed', 'green');
    expect(lastInLobby()).toMatchObject({ type: 'notification', message: 'Build 17 passed', color: 'green', from: 'Releases' });
  });

  it('announces a release as a card, with text for clients without cards', async () => {
    await new Notifier(settingsFromEnvironment(env)).announce({ service: 'web', version: '2.4.0', url: 'https://example.com/web/2.4.0' });
    expect(lastInLobby()).toMatchObject({
      card: { style: 'application', id: 'release-web-2.4.0', title: 'web 2.4.0 released', url: 'https://example.com/web/2.4.0' },
      message: expect.stringContaining('web 2.4.0 released'),
    });
  });

  it('posts as a person with a personal access token, to a room named rather than numbered', async () => {
    const { token } = emulator.createPersonalToken('@Grace', ['send_notification']);
    await new Notifier({ token, room: emulator.rooms[0]!.name, apiUrl: emulator.apiUrl }).say('Deploying now');
    expect(lastInLobby()).toMatchObject({ message: 'Deploying now' });
  });

  describe('the script', () => {
    let errors: jest.SpyInstance;
    beforeEach(() => {
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    });
    afterEach(() => jest.restoreAllMocks());

    it('posts its words, or a release card, and exits 0', async () => {
      expect(await run(['Hello,', 'room'], env)).toBe(0);
      expect(lastInLobby()).toMatchObject({ message: 'Hello, room' });
      expect(await run(['--release', 'api', '3.0.0'], env)).toBe(0);
      expect(lastInLobby()).toMatchObject({ card: { id: 'release-api-3.0.0' } });
    });

    it('exits 1 naming what is wrong: no token set, or a token HipChat refuses', async () => {
      expect(await run(['Hello'], { ...env, HIPCHAT_TOKEN: '' })).toBe(1);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('Set HIPCHAT_TOKEN'));
      expect(await run(['Hello'], { ...env, HIPCHAT_TOKEN: 'not-a-token' })).toBe(1);
      expect(errors).toHaveBeenLastCalledWith(expect.stringMatching(/^HIPCHAT_/));
    });

    it('exits 2 for a usage mistake', async () => {
      expect(await run([], env)).toBe(2);
      expect(await run(['--release', 'only-a-service'], env)).toBe(2);
    });
  });
});
