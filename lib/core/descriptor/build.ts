import { frozenJsonCopy } from './frozen';
import { IMAGE_URLS, resolveModules, withUrls, type DescriptorModules } from './resolve-modules';
import type { Avatar, Descriptor, Installable, Scope, Vendor } from './types';
import { urlResolver, type ResolveUrl } from './urls';
import { assertValidDescriptor } from './validate';

/**
 * What the framework knows about an add-on before it knows where it is served: URLs are paths relative
 * to the base URL (`/webhooks/echo`, `/panel?room={room_id}`); absolute URLs are kept as they are.
 */
export interface DescriptorSource {
  key: string;
  name: string;
  description: string;
  vendor?: Vendor;
  homepage?: string;
  apiVersion?: string;
  /** Where the descriptor itself is served; becomes `links.self`. */
  descriptorPath: string;
  api: { scopes: readonly Scope[]; fromName?: string; avatar?: Avatar };
  installable: {
    allowGlobal: boolean;
    allowRoom: boolean;
    callbackPath: string;
    updateCallbackPath?: string;
    installedPath?: string;
    updatedPath?: string;
    uninstalledPath?: string;
  };
  modules: DescriptorModules;
}

/**
 * The descriptor served at `baseUrl` (which may carry a path prefix, e.g. `https://abc.ngrok.io/addon`),
 * validated and frozen. Throws DESCRIPTOR_INVALID when the declared modules break the schema or
 * reference each other wrongly, and OPTION_INVALID when `baseUrl` is not an absolute http(s) URL.
 */
export function buildDescriptor(source: DescriptorSource, baseUrl: string): Descriptor {
  const at = urlResolver(baseUrl);
  const descriptor: Descriptor = {
    key: source.key,
    name: source.name,
    description: source.description,
    vendor: source.vendor,
    links: { self: at(source.descriptorPath), homepage: source.homepage && at(source.homepage) },
    apiVersion: source.apiVersion,
    capabilities: {
      hipchatApiConsumer: {
        scopes: [...source.api.scopes],
        fromName: source.api.fromName,
        avatar: source.api.avatar && resolveAvatar(source.api.avatar, at),
      },
      installable: resolveInstallable(source.installable, at),
      ...resolveModules(source.modules, at),
    },
  };
  const copy = frozenJsonCopy(descriptor);
  assertValidDescriptor(copy);
  return copy;
}

function resolveAvatar(avatar: Avatar, at: ResolveUrl): Avatar {
  return typeof avatar === 'string' ? at(avatar) : withUrls(avatar, IMAGE_URLS, at);
}

function resolveInstallable(installable: DescriptorSource['installable'], at: ResolveUrl): Installable {
  const optional = (path: string | undefined) => (path === undefined ? undefined : at(path));
  return {
    allowGlobal: installable.allowGlobal,
    allowRoom: installable.allowRoom,
    callbackUrl: at(installable.callbackPath),
    updateCallbackUrl: optional(installable.updateCallbackPath),
    installedUrl: optional(installable.installedPath),
    updatedUrl: optional(installable.updatedPath),
    uninstalledUrl: optional(installable.uninstalledPath),
  };
}
