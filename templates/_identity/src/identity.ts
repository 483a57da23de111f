import type { AddonOptions } from 'hipchat-connect';

/**
 * Who the add-on is, as its descriptor tells HipChat: `hipchat-connect new` filled these in. The key
 * names the add-on in every installation, so keep it once the add-on is installed anywhere; the
 * scopes are asked for at install, so an installation keeps the ones it was installed with until
 * it is updated.
 */
export const IDENTITY: Pick<AddonOptions, 'key' | 'name' | 'description' | 'vendor' | 'scopes'> = {
  key: '{{key}}',
  name: '{{name}}',
  description: '{{description}}',
  vendor: { name: '{{vendorName}}', url: '{{vendorUrl}}' },
  scopes: ['{{scopes}}'],
};
