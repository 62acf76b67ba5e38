import { randomBytes, randomUUID } from 'node:crypto';
import { KEY_BYTES, type KeyStore, type PersonKey } from './key-store';

interface StoredKey {
  personKey: string;
  key: Buffer | undefined;
  destroyedAt?: string;
}

// A JSON pair cannot collide the way "a-b" + "c" and "a" + "b-c" would.
const personKeyOf = (caeId: string, personId: string): string => JSON.stringify([caeId, personId]);

/** For tests and single-process tools: keys vanish with the process. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, StoredKey>();
  private readonly liveKeyIds = new Map<string, string>();

  async keyFor(caeId: string, personId: string): Promise<PersonKey> {
    const personKey = personKeyOf(caeId, personId);
    const liveKeyId = this.liveKeyIds.get(personKey);
    const live = liveKeyId === undefined ? undefined : this.keys.get(liveKeyId)?.key;
    // Copies out, so that zeroing the stored buffer on destroy never alters a caller's buffer under its feet.
    if (liveKeyId !== undefined && live !== undefined) return { keyId: liveKeyId, key: Buffer.from(live) };
    const keyId = randomUUID();
    const key = randomBytes(KEY_BYTES);
    this.keys.set(keyId, { personKey, key });
    this.liveKeyIds.set(personKey, keyId);
    return { keyId, key: Buffer.from(key) };
  }

  async keyById(keyId: string): Promise<Buffer | undefined> {
    const key = this.keys.get(keyId)?.key;
    return key && Buffer.from(key);
  }

  async destroy(caeId: string, personId: string): Promise<{ destroyed: number }> {
    const personKey = personKeyOf(caeId, personId);
    let destroyed = 0;
    for (const stored of this.keys.values()) {
      if (stored.personKey !== personKey || stored.key === undefined) continue;
      stored.key.fill(0);
      stored.key = undefined;
      stored.destroyedAt = new Date().toISOString();
      destroyed += 1;
    }
    this.liveKeyIds.delete(personKey);
    return { destroyed };
  }

  async isForgotten(caeId: string, personId: string): Promise<boolean> {
    const personKey = personKeyOf(caeId, personId);
    if (this.liveKeyIds.has(personKey)) return false;
    return [...this.keys.values()].some((stored) => stored.personKey === personKey && stored.destroyedAt !== undefined);
  }

  async close(): Promise<void> {}
}
