import type { Logger } from 'hipchat-connect';
import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { startFakeAddon, type FakeAddon } from './fake-addon';
import { postToken } from './token-client';

/**
 * For the tests of the host as HipChat was, where an add-on written with Atlassian's own framework
 * (ACE-HipChat) found the emulator different (issue 13): a checked emulator, a fake add-on and the
 * emulator's warnings, fresh for each test, with the contract asserted after it.
 */
export interface Fidelity {
  emulator: CheckedEmulator;
  addon: FakeAddon;
  warnings: Array<{ fields: Record<string, unknown>; message: string }>;
}

export function withFidelityFixture(): Fidelity {
  const fixture = { warnings: [] } as unknown as Fidelity;
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (fields, message) => void fixture.warnings.push({ fields, message }) };
  beforeEach(async () => {
    fixture.warnings.length = 0;
    fixture.emulator = await startCheckedEmulator({ logger });
    fixture.addon = await startFakeAddon();
  });
  afterEach(async () => {
    await fixture.emulator.settled();
    fixture.emulator.assertContract();
    await fixture.emulator.close();
    await fixture.addon.close();
  });
  return fixture;
}

/** A token for the installation, asked for as an add-on does. */
export async function addonToken(emulator: CheckedEmulator, credentials: { oauthId: string; oauthSecret: string }, scope = 'send_notification view_room'): Promise<string> {
  return (await postToken(emulator, credentials, { grant_type: 'client_credentials', scope })).body.access_token as string;
}
