import { startEmulator } from 'hipchat-connect/emulator';
import { Notifier } from './notifier';

/**
 * `npm run dev`: a local HipChat (the emulator) with a room token for its Lobby, one notification and
 * one release card posted there, and the command that runs the script against it. Open the web UI to
 * see them. Runs until Ctrl-C. `EMULATOR_PORT` picks the emulator's port (default 8008, 0 for any).
 */
async function main(): Promise<void> {
  const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 8008) });
  const lobby = emulator.rooms[0]!;
  const { token } = emulator.createRoomToken(lobby.id, 'Development');
  const notifier = new Notifier({ token, room: lobby.id, apiUrl: emulator.apiUrl });
  await notifier.say('Hello from the notifier, in development.');
  await notifier.announce({ service: 'web', version: '1.0.0', url: 'https://example.com/releases/1.0.0' });

  console.log(`HipChat emulator at ${emulator.url}; the room in its web UI: ${emulator.url}/?room=${lobby.id}&user=1`);
  console.log('Post from the script (in another terminal):');
  console.log(`  HIPCHAT_API_URL=${emulator.apiUrl} HIPCHAT_TOKEN=${token} HIPCHAT_ROOM=${lobby.id} npm start -- "Hello, room"`);
  console.log('Ctrl-C stops the emulator.');
  await new Promise((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await emulator.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
