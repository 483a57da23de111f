import type { ResolveUrl } from './urls';
import type { Capabilities } from './types';

/** The module members of the capabilities, as declared in code: URL fields may be relative. */
export type DescriptorModules = Omit<Capabilities, 'hipchatApiConsumer' | 'installable'>;

/** The same modules with every URL field made absolute, and the framework's defaults filled in. */
export function resolveModules(modules: DescriptorModules, at: ResolveUrl): DescriptorModules {
  return {
    webhook: modules.webhook?.map((webhook) => ({
      ...withUrls(webhook, ['url'], at),
      // The host's default (none) let anyone post fake events (docs/protocol.md#webhook-authentication).
      authentication: webhook.authentication ?? 'jwt',
    })),
    glance: modules.glance?.map((glance) => ({
      ...withUrls(glance, ['queryUrl'], at),
      icon: withUrls(glance.icon, IMAGE_URLS, at),
    })),
    webPanel: modules.webPanel?.map((panel) => ({
      ...withUrls(panel, ['url'], at),
      icon: panel.icon && withUrls(panel.icon, IMAGE_URLS, at),
    })),
    dialog: modules.dialog?.map((dialog) => withUrls(dialog, ['url'], at)),
    action: modules.action,
    externalPage: modules.externalPage?.map((page) => withUrls(page, ['url'], at)),
    configurable: modules.configurable && withUrls(modules.configurable, ['url'], at),
    adminPage: modules.adminPage && withUrls(modules.adminPage, ['url'], at),
  };
}

export const IMAGE_URLS = ['url', 'url@2x'] as const;

/** A copy of `value` with the named string fields resolved; absent fields stay absent. */
export function withUrls<T extends object>(value: T, fields: readonly (keyof T & string)[], at: ResolveUrl): T {
  const copy = { ...value };
  for (const field of fields) {
    const url = copy[field];
    if (typeof url === 'string') copy[field] = at(url) as T[typeof field];
  }
  return copy;
}
