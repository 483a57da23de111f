import type { Logger } from '../../logger';
import type { Fetch } from '../host/bounded-fetch';
import type { Store, InstallationCache } from '../store';
import type { HostAllowlist } from './host-allowlist';
import type { LifecycleEvents } from './lifecycle-events';

/** Everything the lifecycle steps need, injected so they run without HTTP, Express or Redis. */
export interface LifecycleContext {
  store: Store;
  cache: InstallationCache;
  events: LifecycleEvents;
  allowedHosts: HostAllowlist;
  allowRoom: boolean;
  allowGlobal: boolean;
  /** The descriptor's scopes: what the token proof asks for. */
  scopes: readonly string[];
  fetch: Fetch;
  hostTimeoutMs: number;
  capabilitiesBytes: number;
  /** Verifies that a JWT was signed with a stored installation's secret (the re-install proof). */
  provesSecret(token: string, oauthId: string): Promise<boolean>;
  now(): number;
  logger: Logger;
}
