import type { Store } from '../core/store';
import type { Logger } from '../logger';
import { EncryptedStore } from './encrypted-store';
import { MemoryStore } from './memory';
import { keyringFrom, SECRET_KEY_VARIABLE } from './secret-keys';

/**
 * The store an add-on works on: the one it was given (or its default FileStore), sealing secrets when
 * keys were given as the `secretKeys` option or in HIPCHAT_CONNECT_SECRET_KEY. Wrapping here, once,
 * means `addon.store`, the token cache and the install steps all write ciphertext.
 */
export function storeAtRest(store: Store, secretKeys: readonly string[] | undefined, logger: Logger): Store {
  const keyring = keyringFrom(secretKeys);
  if (keyring) return new EncryptedStore(store, keyring);
  if (process.env.NODE_ENV === 'production' && !(store instanceof MemoryStore)) {
    logger.warn({ store: store.constructor.name },
      `OAuth secrets and access tokens are stored in plain text: set ${SECRET_KEY_VARIABLE} (openssl rand -base64 32) to encrypt them at rest`);
  }
  return store;
}
