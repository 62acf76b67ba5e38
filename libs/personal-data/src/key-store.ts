/**
 * Where the per-person keys live: outside the event log, so that destroying a key forgets a person while the
 * log (and its hash chain over the ciphertexts) stays untouched.
 */
export interface PersonKey {
  keyId: string;
  key: Buffer;
}

export interface KeyStore {
  /** The person's current key, created if none; a person forgotten and seen again gets a new key. */
  keyFor(caeId: string, personId: string): Promise<PersonKey>;
  /** The key material, or undefined once destroyed (or never issued by this store). */
  keyById(keyId: string): Promise<Buffer | undefined>;
  /** Erases the material of every key of the person and keeps a tombstone; idempotent. */
  destroy(caeId: string, personId: string): Promise<{ destroyed: number }>;
  /** True when the person's keys were destroyed and no new key was issued since. */
  isForgotten(caeId: string, personId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** AES-256 keys. */
export const KEY_BYTES = 32;
