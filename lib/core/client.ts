import type { Installation } from './installation';

/**
 * The REST client acting as one installation, handed to every handler (`ctx.client`), page and glance.
 * Core hands it on but never calls it, so core only names it here; hipchat/installation-client.ts,
 * which makes clients, declares the client's members into this interface, and `createAddon` gives core
 * a `ClientFor` to make one with. Core so stays below the REST client, and every context still has the
 * whole client's type.
 */
export interface InstallationClient {}

/** Makes the client for an installation; cheap, since clients over one store share their tokens. */
export type ClientFor = (installation: Installation) => InstallationClient;
