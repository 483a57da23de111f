import type { Emulator } from '../../emulator';
import { pickRoom, webUiUrl } from '../../dev/rooms';

interface FlagInstall {
  /** Uninstalls at the end of the session, so the add-on's store does not keep an installation of a host that is gone. */
  uninstall(): Promise<void>;
}

/**
 * `hipchat-connect emulator --install <descriptor-url> [--room <name>]`, for authors who run their add-on
 * their own way: installs it into the room once the emulator listens, and prints what `dev` prints.
 */
export async function installFromFlags(emulator: Emulator, descriptorUrl: string, roomName: string | undefined): Promise<FlagInstall> {
  const room = pickRoom(emulator.rooms, roomName);
  const { oauthId, descriptor } = await emulator.install({ descriptorUrl, roomId: room.id });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Installed "${descriptor.name}" into room "${room.name}" (oauthId ${oauthId})`);
  say(`Web UI: ${webUiUrl(emulator.url, room)}`);
  return {
    async uninstall() {
      try {
        const answer = await emulator.uninstall(oauthId);
        say(`Uninstalled (the add-on answered ${answer.status}).`);
      } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      }
    },
  };
}
