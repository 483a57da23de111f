import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ConnectError, invalidOption } from '../errors';

/** The environment variable holding the keys: base64 of 32 random bytes each, comma-separated, newest first. */
export const SECRET_KEY_VARIABLE = 'HIPCHAT_CONNECT_SECRET_KEY';

/** What a sealed value starts with; anything else is a value written before encryption was turned on. */
const MARK = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface SecretKey {
  /** Names the key in every value it sealed, without revealing it: the first 8 bytes of its SHA-256. */
  id: string;
  key: Buffer;
}

/**
 * The keys secrets are encrypted with at rest (AES-256-GCM, authenticated): the first seals, every one
 * opens, so a new key is put first and the old ones stay until `hipchat-connect rotate-keys` has
 * re-sealed every record. Each value carries the id of its key and is bound to where it is stored
 * (`context`), so a sealed secret copied to another installation's record does not open there.
 */
export class SecretKeyring {
  private readonly keys: readonly SecretKey[];

  constructor(keys: readonly string[], option = 'secretKeys') {
    if (!Array.isArray(keys) || keys.length === 0) throw invalidOption(option, 'a non-empty array of base64 keys');
    this.keys = keys.map((text, index) => parseKey(text, `${option}[${index}]`));
  }

  /** The id of the key that seals, which rotate-keys brings every record to. */
  get currentId(): string {
    return this.keys[0]!.id;
  }

  seal(plaintext: string, context: string): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${MARK}${id}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  /** The plaintext; a value with no mark is returned as it is (written before encryption was on). */
  open(stored: string, context: string): string {
    const parts = sealedParts(stored);
    if (!parts) return stored;
    const key = this.keys.find((candidate) => candidate.id === parts.keyId);
    if (!key) {
      throw new ConnectError('SECRET_KEY_UNKNOWN', `A stored secret was sealed with key ${parts.keyId}, which is not among the keys given`, {
        details: { keyId: parts.keyId, context },
      });
    }
    try {
      const sealed = Buffer.from(parts.sealed, 'base64url');
      if (sealed.length < TAG_BYTES) throw new Error('too short');
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(parts.iv, 'base64url'))
        .setAAD(Buffer.from(context, 'utf8'))
        .setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new ConnectError('SECRET_UNREADABLE', `A stored secret sealed with key ${key.id} does not decrypt: it was changed, or moved from another record`, {
        cause, details: { keyId: key.id, context },
      });
    }
  }

  /** Whether a stored value is sealed with the current key already (so rotation can skip it). */
  isCurrent(stored: string): boolean {
    return sealedParts(stored)?.keyId === this.currentId;
  }
}

/** The keyring from the option, else from HIPCHAT_CONNECT_SECRET_KEY, else none (secrets in plain text). */
export function keyringFrom(option: readonly string[] | undefined, environment = process.env): SecretKeyring | undefined {
  if (option !== undefined) return new SecretKeyring(option);
  const variable = environment[SECRET_KEY_VARIABLE]?.trim();
  if (!variable) return undefined;
  return new SecretKeyring(variable.split(',').map((key) => key.trim()), SECRET_KEY_VARIABLE);
}

/** The key id a stored value names, or undefined for plain text. */
export function sealedKeyId(stored: string): string | undefined {
  return sealedParts(stored)?.keyId;
}

function sealedParts(stored: string): { keyId: string; iv: string; sealed: string } | undefined {
  if (!stored.startsWith(MARK)) return undefined;
  const [keyId, iv, sealed, extra] = stored.slice(MARK.length).split(':');
  if (!keyId || !iv || sealed === undefined || extra !== undefined) {
    throw new ConnectError('SECRET_UNREADABLE', 'A stored secret is marked as encrypted but is not in the sealed format', {
      details: { keyId: keyId ?? null },
    });
  }
  return { keyId, iv, sealed };
}

function parseKey(text: unknown, option: string): SecretKey {
  const key = typeof text === 'string' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(text.trim()) ? Buffer.from(text.trim(), 'base64') : undefined;
  if (key?.length !== 32) {
    const rule = 'a key of 32 random bytes in base64 (openssl rand -base64 32)';
    if (!option.startsWith(SECRET_KEY_VARIABLE)) throw invalidOption(option, rule);
    throw new ConnectError('OPTION_INVALID', `${option} must be ${rule}, keys separated by commas`, { details: { option } });
  }
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}
