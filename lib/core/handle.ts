import type { ClientFor, InstallationClient } from './client';
import type { ResolvedOptions } from './options';
import type { Installation } from './installation';
import { type Store, type InstallationCache, checkHealth, type Health } from './store';
import type { Descriptor } from './descriptor';
import type { LifecycleContext } from './install/context';
import { HostAllowlist } from './install/host-allowlist';
import { install } from './install/install';
import { completeRedirect, type RedirectKind } from './install/redirect';
import { uninstall } from './install/uninstall';
import { extractToken, type TokenCarrier } from './jwt/extract';
import { verifyToken, type Verified } from './jwt/verify';
import type { LifecycleEvents } from './install/lifecycle-events';
import { receive } from './webhook/receive';
import type { InstallSettings } from './descriptor/template-file';
import type { UiRegistry } from './ui/registry';
import type { ReceiveOptions, WebhookRegistry, WebhookReply } from './webhook/registry';

/**
 * What `createAddon` hands its transports (the Express router, the standalone server's fast lane,
 * `authenticate()`, pages): the add-on's operations and registries, not the add-on, so that addon.ts
 * sits above its adapters and none reaches back into it. The shape of bolt-js's `Receiver.init(app)`
 * → `app.processEvent()` and of octokit's `verifyAndReceive()`: a transport reads the request, calls
 * one of these, and writes the answer.
 */
export interface AddonHandle<Page = unknown> {
  readonly options: Readonly<ResolvedOptions>;
  readonly webhooks: WebhookRegistry;
  readonly ui: UiRegistry<Page>;
  readonly allowedHosts: HostAllowlist;
  /** The installable has redirect URLs (`installedUrl`, …) rather than callbacks only. */
  readonly redirectFlows: boolean;
  descriptor(baseUrl: string): Descriptor;
  /** Verifies a host- or page-signed token wherever it arrives. */
  verify(carrier: TokenCarrier): Promise<Verified>;
  receive(payload: unknown, options: ReceiveOptions): Promise<WebhookReply | undefined>;
  /** A webhook delivery after its body was read: the token verified, then the addressed handler run. */
  verifyAndReceive(key: string, carrier: TokenCarrier, payload: unknown): Promise<WebhookReply | undefined>;
  /**
   * Installs (or updates) from the host's payload; `proofToken` proves a re-install knows the old secret.
   * `answer` gives the host its answer and says whether it was sent: one that was not rolls the install back.
   */
  install(body: unknown, proofToken: string | undefined, answer?: (installation: Installation) => Promise<boolean>): Promise<Installation>;
  uninstall(oauthId: string): Promise<void>;
  /** Completes a redirect flow and names the URL to send the browser to. */
  completeRedirect(kind: RedirectKind, query: Record<string, unknown>): Promise<string>;
  client(installation: Installation): InstallationClient;
  /** Whether the store answers a read within `timeoutMs` (`GET /healthz`). */
  health(timeoutMs: number): Promise<Health>;
}

export interface HandleParts<Page> {
  options: ResolvedOptions;
  store: Store;
  cache: InstallationCache;
  events: LifecycleEvents;
  webhooks: WebhookRegistry;
  ui: UiRegistry<Page>;
  /** Makes the REST client handlers, pages and `addon.client()` hand out. */
  clientFor: ClientFor;
  descriptor(baseUrl: string): Descriptor;
  /** From the descriptor template when there is one, else from the options; read when first needed. */
  installSettings(): InstallSettings;
}

export function createHandle<Page>({ options, store, cache, events, webhooks, ui, clientFor, descriptor, installSettings }: HandleParts<Page>): AddonHandle<Page> {
  const verifyOptions = {
    findInstallation: (oauthId: string) => cache.get(oauthId),
    clockToleranceSeconds: options.clockToleranceSeconds,
    maxAgeSeconds: options.maxAgeSeconds,
    now: options.now,
  };
  const allowedHosts = new HostAllowlist(options.allowedHosts);
  const lifecycle: LifecycleContext = {
    store, cache, events, allowedHosts,
    get allowRoom() { return installSettings().allowRoom; },
    get allowGlobal() { return installSettings().allowGlobal; },
    get scopes() { return installSettings().scopes; },
    fetch: options.fetch, hostTimeoutMs: options.hostTimeoutMs, capabilitiesBytes: options.capabilitiesBytes,
    provesSecret: (token, oauthId) => verifyToken(token, { ...verifyOptions, findInstallation: () => store.fetchInstallation(oauthId) })
      .then((verified) => verified.installation.oauthId === oauthId, () => false),
    now: options.now, logger: options.logger,
  };
  const receiveParts = { logger: options.logger, now: options.now, clientFor };
  const verify = async (carrier: TokenCarrier) => verifyToken(extractToken(carrier), verifyOptions);
  return {
    options, webhooks, ui, allowedHosts, descriptor, verify, client: clientFor,
    get redirectFlows() { return installSettings().redirectFlows; },
    receive: (payload, delivery) => receive(webhooks, payload, delivery, receiveParts),
    async verifyAndReceive(key, carrier, payload) {
      const { installation, claims } = await verify(carrier);
      return receive(webhooks, payload, { installation, claims, key }, receiveParts);
    },
    install: (body, proofToken, answer) => install(lifecycle, body, { proofToken, answer }),
    uninstall: async (oauthId) => void await uninstall(lifecycle, oauthId),
    completeRedirect: (kind, query) => completeRedirect(lifecycle, kind, query),
    health: (timeoutMs) => checkHealth(store, timeoutMs),
  };
}
