import { readFileSync } from 'node:fs';
import { ConnectError, isConnectError } from '../../errors';
import { descriptorFromTemplate } from './template';
import type { Scope } from './types';
import type { Descriptor } from './types';

/** What the install steps take from the descriptor: its scopes and where it may be installed. */
export interface InstallSettings {
  scopes: readonly Scope[];
  allowRoom: boolean;
  allowGlobal: boolean;
  redirectFlows: boolean;
}

/**
 * An `atlassian-connect.json` template on disk. In template mode the template, not the code options,
 * says which scopes the add-on asks for and where it installs, so the install's token proof asks the
 * host for exactly what the served descriptor declared. Errors name the file.
 */
export class DescriptorTemplateFile {
  private text: string | undefined;

  constructor(readonly path: string) {}

  render(baseUrl: string): Descriptor {
    try {
      this.text ??= readFileSync(this.path, 'utf8');
      return descriptorFromTemplate(this.text, { localBaseUrl: baseUrl });
    } catch (error) {
      if (!isConnectError(error, 'DESCRIPTOR_INVALID')) throw error;
      throw new ConnectError('DESCRIPTOR_INVALID', `${this.path}: ${error.message}`, { cause: error, ...(error.details ? { details: error.details } : {}) });
    }
  }

  installSettings(): InstallSettings {
    const capabilities = this.render('https://addon.invalid').capabilities;
    const installable = capabilities?.installable;
    return {
      scopes: capabilities?.hipchatApiConsumer?.scopes ?? [],
      allowRoom: installable?.allowRoom ?? true,
      allowGlobal: installable?.allowGlobal ?? true,
      redirectFlows: Boolean(installable?.installedUrl ?? installable?.updatedUrl ?? installable?.uninstalledUrl),
    };
  }
}
