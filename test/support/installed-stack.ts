import type express from 'express';
import type { Addon, AddonOptions, Installation } from 'hipchat-connect';
import { serveAddon, type Served } from './serve';
import { startStack, type Stack } from './stack';

export interface InstalledStack {
  stack: Stack;
  /** The author's app: their own routes beside the add-on's router. */
  app: Served;
  /** The installation the emulator made, as the add-on stored it. */
  installation: Installation;
}

export interface InstalledStackSetup {
  overrides?: Partial<AddonOptions>;
  /** Installed into the emulator's first room rather than the whole group. */
  roomInstall?: boolean;
  /** Modules to declare on the example add-on before it is installed. */
  declare?(addon: Addon): void;
  /** The author's own routes. */
  author?(app: express.Express, addon: Addon): void;
}

/**
 * The arrangement of the glance, page and authentication tests: the example add-on, served in
 * an author's app and installed by the emulator. Registers its own beforeAll and afterAll hooks; read
 * the fields inside tests.
 */
export function useInstalledStack(setup: InstalledStackSetup = {}): InstalledStack {
  const fixture = {} as InstalledStack;
  beforeAll(async () => {
    const stack = await startStack(setup.overrides);
    setup.declare?.(stack.addon);
    const app = await serveAddon(stack.addon, (author) => setup.author?.(author, stack.addon));
    const roomId = setup.roomInstall ? stack.emulator.rooms[0]!.id : undefined;
    const { oauthId } = await stack.emulator.install({ descriptorUrl: `${app.url}/atlassian-connect.json`, roomId });
    Object.assign(fixture, { stack, app, installation: await stack.store.fetchInstallation(oauthId) });
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.stack?.close();
  });
  return fixture;
}
