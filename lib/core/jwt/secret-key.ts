import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Installation } from '../installation';

const keys = new WeakMap<Installation, KeyObject>();

/**
 * The installation's secret as a KeyObject. Given a string, jsonwebtoken 9 first tries (and fails) to
 * parse it as a public key on every call, which costs more than the HMAC itself; the KeyObject is made
 * once per cached installation object and is collected with it.
 */
export function secretKeyOf(installation: Installation): KeyObject {
  let key = keys.get(installation);
  if (!key) {
    key = createSecretKey(Buffer.from(installation.oauthSecret, 'utf8'));
    keys.set(installation, key);
  }
  return key;
}
