import { invalidOption } from '../../errors';
import type { Action, AdminPage, Configurable, Dialog, ExternalPage, Glance, WebPanel } from '../descriptor';
import type { DescriptorModules } from '../descriptor/resolve-modules';
import type { GlanceHandler } from '../glance/query';
import { PATHS } from '../paths';
import type {
  ActionOptions, AdminPageOptions, ConfigurableOptions, DialogDeclaration, ExternalPageOptions, GlanceOptions, WebPanelOptions,
} from './declarations';
import {
  actionEntry, adminPageEntry, configurableEntry, dialogEntry, externalPageEntry, glanceEntry, pageUrl, subjectOf, webPanelEntry,
} from './entries';

/**
 * The UI modules an add-on declared (docs/protocol.md#capabilities-members, docs/protocol.md#glances,
 * docs/protocol.md#pages), in declaration order, with the handlers the add-on serves them with. Page handlers
 * are whatever the web adapter runs (Express handlers for lib/express); the core only keeps them by the path
 * it serves them at.
 */
export class UiRegistry<PageHandler> {
  private readonly glances: Glance[] = [];
  private readonly webPanels: WebPanel[] = [];
  private readonly dialogs: Dialog[] = [];
  private readonly actions: Action[] = [];
  private readonly externalPages: ExternalPage[] = [];
  private configurablePage: Configurable | undefined;
  private adminPageEntry: AdminPage | undefined;
  private readonly keys = new Set<string>();
  private readonly glanceHandlers = new Map<string, GlanceHandler>();
  private readonly pageHandlers = new Map<string, PageHandler>();

  glance(key: string, options: GlanceOptions, handler?: GlanceHandler): void {
    if (handler !== undefined && typeof handler !== 'function') throw invalidOption(`${subjectOf('glance', key)} handler`, 'a function');
    this.glances.push(this.keyed('glance', key, () => glanceEntry(key, options, handler && PATHS.glance(key))));
    if (handler) this.glanceHandlers.set(key, handler);
  }

  webPanel(key: string, options: WebPanelOptions, handler?: PageHandler): void {
    this.keyedPage(this.webPanels, 'webPanel', key, options.url, handler, (url) => webPanelEntry(key, options, url));
  }

  dialog(key: string, options: DialogDeclaration, handler?: PageHandler): void {
    this.keyedPage(this.dialogs, 'dialog', key, options.url, handler, (url) => dialogEntry(key, options, url));
  }

  action(key: string, options: ActionOptions): void {
    this.actions.push(this.keyed('action', key, () => actionEntry(key, options)));
  }

  externalPage(key: string, options: ExternalPageOptions, handler?: PageHandler): void {
    this.keyedPage(this.externalPages, 'externalPage', key, options.url, handler, (url) => externalPageEntry(key, options, url));
  }

  configurable(options: ConfigurableOptions, handler?: PageHandler): void {
    if (this.configurablePage) throw invalidOption('configurable', 'declared once: an add-on has one configuration page');
    this.configurablePage = configurableEntry(options, pageUrl('configurable', options.url, handler, PATHS.configurable));
    this.serve(PATHS.configurable, handler);
  }

  adminPage(options: AdminPageOptions, handler?: PageHandler): void {
    if (this.adminPageEntry) throw invalidOption('adminPage', 'declared once: an add-on has one admin page');
    this.adminPageEntry = adminPageEntry(options, pageUrl('adminPage', options.url, handler, PATHS.adminPage));
    this.serve(PATHS.adminPage, handler);
  }

  glanceHandler(key: string): GlanceHandler | undefined {
    return this.glanceHandlers.get(key);
  }

  /** The handler the add-on serves at `path` (one of PATHS.page(key), PATHS.configurable, PATHS.adminPage). */
  pageHandler(path: string): PageHandler | undefined {
    return this.pageHandlers.get(path);
  }

  /** Descriptor entries with paths relative to the add-on's base URL; empty lists left out. */
  descriptorModules(): DescriptorModules {
    const list = <T>(entries: T[]) => (entries.length > 0 ? [...entries] : undefined);
    return {
      glance: list(this.glances),
      webPanel: list(this.webPanels),
      dialog: list(this.dialogs),
      action: list(this.actions),
      externalPage: list(this.externalPages),
      configurable: this.configurablePage,
      adminPage: this.adminPageEntry,
    };
  }

  /** Keys are checked for uniqueness among UI modules here; against webhooks when the descriptor is built. */
  private keyed<T>(kind: string, key: string, entry: () => T): T {
    if (this.keys.has(key)) throw invalidOption(`${subjectOf(kind, key)} key`, `unique; "${key}" is taken`);
    const built = entry();
    this.keys.add(key);
    return built;
  }

  /** A keyed page module; its handler is kept only once its entry passed every check, so a refusal leaves nothing behind. */
  private keyedPage<T>(list: T[], kind: string, key: string, url: string | undefined, handler: PageHandler | undefined, entry: (url: string) => T): void {
    const chosen = pageUrl(subjectOf(kind, key), url, handler, PATHS.page(key));
    list.push(this.keyed(kind, key, () => entry(chosen)));
    this.serve(PATHS.page(key), handler);
  }

  private serve(path: string, handler: PageHandler | undefined): void {
    if (handler) this.pageHandlers.set(path, handler);
  }
}
