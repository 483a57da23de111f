import { startCheckedEmulator, type CheckedEmulator } from '../../support/checked-emulator';
import { ALL_SCOPES } from './api-client';
import { startFakeAddon, type FakeAddon } from './fake-addon';

export interface ApiFixture {
  emulator: CheckedEmulator;
  addon: FakeAddon;
  /** Ada's personal token with every scope: it passes every scope check. */
  token: string;
}

/**
 * A fresh checked emulator, fake add-on and all-scope token for each test, handed to `use`; after each
 * test the contract is asserted and everything closed.
 */
export function withApiFixture(use: (fixture: ApiFixture) => void): void {
  let fixture: ApiFixture | undefined;
  beforeEach(async () => {
    const emulator = await startCheckedEmulator();
    fixture = { emulator, addon: await startFakeAddon(), token: emulator.createPersonalToken(1, ALL_SCOPES).token };
    use(fixture);
  });
  afterEach(async () => {
    if (!fixture) return;
    fixture.emulator.assertContract();
    await fixture.emulator.close();
    await fixture.addon.close();
  });
}
