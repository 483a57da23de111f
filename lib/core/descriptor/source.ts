import type { ResolvedOptions } from '../options';
import { PATHS } from '../paths';
import type { UiRegistry } from '../ui/registry';
import type { WebhookRegistry } from '../webhook/registry';
import type { DescriptorSource } from './build';

/** The add-on's options and declared modules, as the descriptor builder takes them. */
export function descriptorSource(options: ResolvedOptions, webhooks: WebhookRegistry, ui: UiRegistry<unknown>): DescriptorSource {
  return {
    key: options.key,
    name: options.name,
    description: options.description,
    ...(options.vendor ? { vendor: options.vendor } : {}),
    ...(options.homepage ? { homepage: options.homepage } : {}),
    descriptorPath: PATHS.descriptor,
    api: {
      scopes: [...options.scopes],
      ...(options.fromName ? { fromName: options.fromName } : {}),
      ...(options.avatar ? { avatar: options.avatar } : {}),
    },
    installable: {
      allowGlobal: options.allowGlobal,
      allowRoom: options.allowRoom,
      callbackPath: PATHS.installable,
      updateCallbackPath: PATHS.update,
      ...(options.redirectFlows
        ? { installedPath: PATHS.installedRedirect, updatedPath: PATHS.updatedRedirect, uninstalledPath: PATHS.uninstalledRedirect }
        : {}),
    },
    modules: { webhook: webhooks.descriptorEntries(PATHS.webhook), ...ui.descriptorModules() },
  };
}
