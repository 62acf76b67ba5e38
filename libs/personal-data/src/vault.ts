import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyStore } from './key-store';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Personal data as it may appear in the log: AES-256-GCM under the person's key. caeId, personId and keyId
 * are in clear (they are not personal data) and bound as AAD, so the ciphertext cannot be moved to another
 * person or CAE without failing authentication.
 */
export interface SealedValue {
  sealed: typeof ALGORITHM;
  caeId: string;
  personId: string;
  keyId: string;
  /** Base64 of the 12-byte random IV. */
  iv: string;
  /** Base64 of the 16-byte GCM authentication tag. */
  tag: string;
  /** Base64 of the encrypted JSON of the value. */
  ciphertext: string;
}

/** What a sealed value reads as once its person was forgotten (its key destroyed). */
export const FORGOTTEN = '[forgotten]';
export type Forgotten = typeof FORGOTTEN;
export const isForgotten = (v: unknown): v is Forgotten => v === FORGOTTEN;

export const isSealed = (v: unknown): v is SealedValue => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return s.sealed === ALGORITHM && ['caeId', 'personId', 'keyId', 'iv', 'tag', 'ciphertext'].every((k) => typeof s[k] === 'string');
};

/** A sealed value that does not authenticate: altered, truncated or moved to another person. */
export class SealedValueTamperedError extends Error {
  constructor(sealed: Pick<SealedValue, 'caeId' | 'personId' | 'keyId'>) {
    super(`The sealed personal data of ${sealed.personId} (${sealed.caeId}, key ${sealed.keyId}) failed authentication: it was altered or moved.`);
    this.name = 'SealedValueTamperedError';
  }
}

// JSON of an array: unambiguous whatever characters the ids hold; versioned to allow a future format.
const aad = (caeId: string, personId: string, keyId: string): Buffer => Buffer.from(JSON.stringify(['alveole.sealed.v1', caeId, personId, keyId]), 'utf8');

export class PersonalDataVault {
  constructor(private readonly keys: KeyStore) {}

  /** Encrypts any JSON value under the person's current key. */
  async seal(caeId: string, personId: string, value: unknown): Promise<SealedValue> {
    const plaintext = JSON.stringify(value);
    if (plaintext === undefined) throw new TypeError('Only JSON values can be sealed');
    const { keyId, key } = await this.keys.keyFor(caeId, personId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(caeId, personId, keyId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      sealed: ALGORITHM,
      caeId,
      personId,
      keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  /** The value, FORGOTTEN if its key was destroyed; throws SealedValueTamperedError if it does not authenticate. */
  async unseal(sealed: SealedValue): Promise<unknown | Forgotten> {
    const key = await this.keys.keyById(sealed.keyId);
    if (key === undefined) return FORGOTTEN;
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    // Node accepts GCM tags as short as 4 bytes: a truncated tag would weaken authentication.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealedValueTamperedError(sealed);
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(sealed.caeId, sealed.personId, sealed.keyId));
    decipher.setAuthTag(tag);
    let plaintext: string;
    try {
      plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueTamperedError(sealed);
    }
    return JSON.parse(plaintext);
  }
}
