import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What dev remembers between its runs, in `.hipchat-connect/dev.json` beside the file store: the
 * installation it made and the descriptor URL it was made from. A later run into the same host takes
 * that installation up again (moving it when the tunnel's URL changed) instead of leaving it behind.
 */
interface DevState {
  /** The emulator installed into; absent when the add-on was only offered through a public tunnel. */
  hostUrl?: string;
  oauthId?: string;
  roomId?: number;
  descriptorUrl: string;
}

const FILE = path.join('.hipchat-connect', 'dev.json');

export function readState(projectDir: string): DevState | undefined {
  try {
    const state = JSON.parse(readFileSync(path.join(projectDir, FILE), 'utf8')) as Partial<DevState>;
    return typeof state.descriptorUrl === 'string' ? (state as DevState) : undefined;
  } catch {
    // No file, or one a person broke: either way there is nothing to take up again.
    return undefined;
  }
}

export function writeState(projectDir: string, state: DevState): void {
  mkdirSync(path.join(projectDir, '.hipchat-connect'), { recursive: true });
  writeFileSync(path.join(projectDir, FILE), `${JSON.stringify(state, null, 2)}\n`);
}

export function clearState(projectDir: string): void {
  rmSync(path.join(projectDir, FILE), { force: true });
}
