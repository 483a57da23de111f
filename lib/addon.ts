import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import type { PatternMatch } from './core/webhook/context';
import { buildDescriptor, type Descriptor } from './core/descriptor';
import { DescriptorCache } from './core/descriptor/cache';
import { descriptorSource } from './core/descriptor/source';
import { createHandle } from './core/handle';
import { type Installation } from './core/installation';
import { InstallationCache, type InstallationCacheStats, type Store } from './core/store';
import type { TokenCarrier } from './core/jwt/extract';
import type { Verified } from './core/jwt/verify';
import { LifecycleEvents, type LifecycleEventName, type LifecycleListener } from './core/install/lifecycle-events';
import { PatternChecks } from './core/webhook/pattern-checks';
import { DescriptorTemplateFile, type InstallSettings } from './core/descriptor/template-file';
import type { MessageEvent, WebhookEvent } from './core/webhook/events';
import { WebhookRegistry, type ReceiveOptions, type WebhookHandler, type WebhookOptions, type WebhookReply } from './core/webhook/registry';
import type { GlanceHandler } from './core/glance/query';
import type {
  ActionOptions, AdminPageOptions, ConfigurableOptions, DialogDeclaration, ExternalPageOptions, GlanceOptions, WebPanelOptions,
} from './core/ui/declarations';
import { UiRegistry } from './core/ui/registry';
import { createAuthenticate } from './express/authenticate';
import { createPageMiddleware, type PageHandler } from './express/page';
import { createRouter } from './express/router';
import { listen, type ListenOptions } from './express/server';
import { drainOf } from './http/drain';
import { createInstallationClient, type InstallationClient } from './hipchat/installation-client';
import type { CreatedWebhook, RoomIdOrName } from './hipchat/types';
import { registerRoomWebhook } from './hipchat/room-webhook-registration';
import { resolveOptions, type AddonOptions, type ResolvedOptions } from './core/options';
import { FileStore } from './stores/file';
import { storeAtRest } from './stores/at-rest';

export interface AddonStats {
  installationCache: InstallationCacheStats;
}

export interface Addon {
  readonly options: Readonly<ResolvedOptions>;
  readonly store: Store;
  /**
   * Declares a webhook (and so a descriptor entry with its own URL) and its handler. The handler's
   * context narrows by event; with a pattern (message events only) `ctx.match` is always there.
   */
  webhook<E extends WebhookEvent>(event: E, handler: WebhookHandler<E, undefined>): this;
  webhook<E extends MessageEvent>(event: E, pattern: RegExp | (WebhookOptions & { pattern: RegExp }), handler: WebhookHandler<E, PatternMatch>): this;
  webhook<E extends WebhookEvent>(event: E, options: WebhookOptions & { pattern?: undefined }, handler: WebhookHandler<E, undefined>): this;
  /**
   * Declares a glance (a line in the sidebar). With a handler, the add-on answers its queryUrl with the
   * handler's glance data; without one, the host shows the name.
   */
  glance(key: string, options: GlanceOptions, handler?: GlanceHandler): this;
  /** Declares a sidebar view; the add-on serves it with `handler`, or `options.url` names your own route. */
  webPanel(key: string, options: WebPanelOptions, handler?: PageHandler): this;
  /** Declares a dialog; the add-on serves it with `handler`, or `options.url` names your own route. */
  dialog(key: string, options: DialogDeclaration, handler?: PageHandler): this;
  /** Declares an action on messages or on the input box; it opens its target. */
  action(key: string, options: ActionOptions): this;
  /** Declares a page opened in a new window; served with `handler`, or at `options.url`. */
  externalPage(key: string, options: ExternalPageOptions, handler?: PageHandler): this;
  /** Declares the configuration page shown in HipChat's admin UI; served with `handler`, or at `options.url`. */
  configurable(options: ConfigurableOptions, handler?: PageHandler): this;
  /** Declares the admin page; served with `handler`, or at `options.url`. */
  adminPage(options: AdminPageOptions, handler?: PageHandler): this;
  /**
   * Middleware for the author's own page routes (a module declared with `url`): verifies `signed_request`,
   * lets only the allowed hosts frame the answer, and fills `res.locals.hipchat` with the page's context.
   */
  page(): RequestHandler;
  /** Listens to the installation lifecycle; listeners are awaited in order. */
  on<E extends LifecycleEventName>(name: E, listener: LifecycleListener<E>): this;
  /** The descriptor served at the given base URL, validated. */
  descriptor(baseUrl: string): Descriptor;
  /**
   * Registers a webhook declared with `dynamic: true` for one room, through the REST API (scope
   * `admin_room`); its deliveries reach the declared handler. List and delete them with
   * `addon.client(installation).rooms.webhooks`.
   */
  roomWebhook(installation: Installation, room: RoomIdOrName, key: string): Promise<CreatedWebhook>;
  /** Descriptor, lifecycle and webhook routes, to mount in any Express 4 or 5 app. */
  readonly router: RequestHandler;
  /**
   * Runs the add-on as a server of its own, the author's routes (`options.app`) behind it; webhooks are
   * answered before Express sees them. Resolves once it listens.
   */
  listen(options?: ListenOptions): Promise<Server>;
  /** Middleware for the author's own routes: verifies the JWT and fills `res.locals.hipchat`. */
  authenticate(): RequestHandler;
  /** Verifies a host- or page-signed token wherever it arrives. */
  verify(carrier: TokenCarrier): Promise<Verified>;
  /**
   * The one entry point for webhooks, used by the HTTP route and by tests alike: a payload and who sent
   * it in, the reply to post (if any) out. The payload is validated before any handler runs.
   */
  receive(payload: unknown, options: ReceiveOptions): Promise<WebhookReply | undefined>;
  installation(oauthId: string): Promise<Installation | undefined>;
  /**
   * A REST client acting as the installation, anywhere in the app (handlers find one on `ctx.client`):
   * tokens for the add-on's scopes, cached in its store and shared by every process on that store.
   */
  client(installation: Installation): InstallationClient;
  /** Figures for operators: the installation cache's hits, misses and size. */
  stats(): AddonStats;
  /** Start-up checks done: change feed subscribed (or retried), patterns checked; rejects in strict pattern mode. */
  ready(): Promise<void>;
  /**
   * Closes gracefully (on SIGTERM/SIGINT after `listen()`): no new requests, those in flight finish within
   * `limits.shutdownTimeoutMs`, then the change feed and the store (if the add-on created it) close.
   */
  close(): Promise<void>;
}

export function createAddon(input: AddonOptions): Addon {
  const options = resolveOptions(input);
  const ownsStore = input.store === undefined;
  const store = storeAtRest(input.store ?? new FileStore(), input.secretKeys, options.logger);
  const cache = new InstallationCache(store, { max: options.cacheMax, ttlMs: options.cacheTtlMs, feedDownTtlMs: options.cacheFeedDownTtlMs });
  const watching = cache.watch().catch((error: unknown) => options.logger.warn({ err: error }, 'installation change feed unavailable; relying on cache expiry'));
  const patternChecks = new PatternChecks(options.patternCheck, options.logger);
  const webhooks = new WebhookRegistry(patternChecks);
  const ui = new UiRegistry<PageHandler>();
  const events = new LifecycleEvents();
  const template = options.descriptorTemplate === undefined ? undefined : new DescriptorTemplateFile(options.descriptorTemplate);
  // Both paths validate what they return: an invalid descriptor never leaves here.
  const descriptors = new DescriptorCache((baseUrl) => template?.render(baseUrl) ?? buildDescriptor(descriptorSource(options, webhooks, ui), baseUrl));
  let settings: InstallSettings | undefined;
  const installSettings = (): InstallSettings => (settings ??= template?.installSettings() ?? options);
  const handle = createHandle({
    options, store, cache, events, webhooks, ui, installSettings,
    clientFor: (installation) => createInstallationClient(installation, {
      store, scopes: installSettings().scopes, fetch: options.fetch, logger: options.logger, now: options.now,
    }),
    descriptor: (baseUrl) => descriptors.get(baseUrl.replace(/\/+$/, '')),
  });
  let router: RequestHandler | undefined;
  let closing: Promise<void> | undefined;
  /** Every UI declaration changes the descriptor. */
  const declared = (declare: () => void): Addon => {
    declare();
    descriptors.clear();
    return addon;
  };

  const addon: Addon = {
    options,
    store,
    // Typed by the overloads above; checked at run time by the registry, for callers without types.
    webhook(event: string, second: unknown, third?: unknown) {
      const handler = typeof second === 'function' ? second : third;
      const webhookOptions = second instanceof RegExp ? { pattern: second } : typeof second === 'function' ? {} : second as WebhookOptions;
      webhooks.add(event, webhookOptions, handler as WebhookHandler);
      descriptors.clear();
      return addon;
    },
    glance: (key, glanceOptions, handler) => declared(() => ui.glance(key, glanceOptions, handler)),
    webPanel: (key, panelOptions, handler) => declared(() => ui.webPanel(key, panelOptions, handler)),
    dialog: (key, dialogOptions, handler) => declared(() => ui.dialog(key, dialogOptions, handler)),
    action: (key, actionOptions) => declared(() => ui.action(key, actionOptions)),
    externalPage: (key, pageOptions, handler) => declared(() => ui.externalPage(key, pageOptions, handler)),
    configurable: (pageOptions, handler) => declared(() => ui.configurable(pageOptions, handler)),
    adminPage: (pageOptions, handler) => declared(() => ui.adminPage(pageOptions, handler)),
    page: () => createPageMiddleware(handle),
    on(name, listener) {
      events.on(name, listener);
      return addon;
    },
    descriptor: handle.descriptor,
    roomWebhook: (installation, room, key) => registerRoomWebhook(webhooks, addon.client(installation), options.baseUrl, room, key),
    get router() {
      // Building the router validates the descriptor: an invalid one stops the add-on here, at start-up.
      addon.descriptor(options.baseUrl ?? 'https://addon.invalid');
      router ??= createRouter(handle);
      return router;
    },
    listen: (listenOptions) => listen(handle, addon.router, addon, listenOptions),
    authenticate: () => createAuthenticate(handle),
    verify: handle.verify,
    receive: handle.receive,
    client: handle.client,
    installation: (oauthId) => cache.get(oauthId),
    stats: () => ({ installationCache: cache.stats() }),
    ready: () => watching.then(() => patternChecks.ready()),
    // Once, however often it is called: requests drain first, then the feed and the store close.
    close: () => (closing ??= drainOf(handle).shutdown(options.shutdownTimeoutMs)
      .then(() => watching).then(() => cache.close()).then(() => (ownsStore ? store.close?.() : undefined))),
  };
  return addon;
}
