import { InMemoryKeyStore } from './in-memory-key-store';
import { FORGOTTEN, isForgotten, isSealed, PersonalDataVault, SealedValueTamperedError, type SealedValue } from './vault';

const person = { firstName: 'Camille', lastName: 'Martin-Écrins', gender: 'F', birthYear: 1984, city: 'Gap' };

describe('PersonalDataVault', () => {
  let keys: InMemoryKeyStore;
  let vault: PersonalDataVault;
  beforeEach(() => {
    keys = new InMemoryKeyStore();
    vault = new PersonalDataVault(keys);
  });

  it('round-trips any JSON value', async () => {
    for (const value of [person, 'Camille', 1984, true, null, ['a', { b: [1, 2] }]]) {
      expect(await vault.unseal(await vault.seal('coodyssee', 'e-001', value))).toEqual(value);
    }
  });

  it('refuses what JSON cannot carry', async () => {
    await expect(vault.seal('coodyssee', 'e-001', undefined)).rejects.toThrow(TypeError);
  });

  it('produces a sealed value that holds nothing in clear', async () => {
    const sealed = await vault.seal('coodyssee', 'e-001', person);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).toMatchObject({ sealed: 'aes-256-gcm', caeId: 'coodyssee', personId: 'e-001' });
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    const serialised = JSON.stringify(sealed);
    for (const clear of ['Camille', 'Martin', 'Gap', '1984']) expect(serialised).not.toContain(clear);
    expect(Buffer.from(sealed.ciphertext, 'base64').includes(Buffer.from(JSON.stringify(person)))).toBe(false);
  });

  it('uses a fresh IV each time, so equal values do not look equal', async () => {
    const a = await vault.seal('coodyssee', 'e-001', person);
    const b = await vault.seal('coodyssee', 'e-001', person);
    expect(a.keyId).toBe(b.keyId);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('recognises sealed values', () => {
    expect(isSealed(null)).toBe(false);
    expect(isSealed('sealed')).toBe(false);
    expect(isSealed({ sealed: 'aes-256-gcm', personId: 'e-001' })).toBe(false);
  });

  describe('binds a ciphertext to its person, CAE and key', () => {
    let sealed: SealedValue;
    beforeEach(async () => {
      sealed = await vault.seal('coodyssee', 'e-001', person);
    });

    it('throws when the personId is changed', async () => {
      await expect(vault.unseal({ ...sealed, personId: 'e-002' })).rejects.toThrow(SealedValueTamperedError);
    });

    it('throws when the caeId is changed', async () => {
      await expect(vault.unseal({ ...sealed, caeId: 'other-cae' })).rejects.toThrow(SealedValueTamperedError);
    });

    it("throws when moved under another person's key", async () => {
      const other = await vault.seal('coodyssee', 'e-002', 'x');
      await expect(vault.unseal({ ...sealed, personId: 'e-002', keyId: other.keyId })).rejects.toThrow(SealedValueTamperedError);
    });
  });

  describe('tampering', () => {
    const flipFirstBit = (base64: string): string => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };

    it('throws on an altered ciphertext, tag or IV', async () => {
      const sealed = await vault.seal('coodyssee', 'e-001', person);
      await expect(vault.unseal({ ...sealed, ciphertext: flipFirstBit(sealed.ciphertext) })).rejects.toThrow(/failed authentication/);
      await expect(vault.unseal({ ...sealed, tag: flipFirstBit(sealed.tag) })).rejects.toThrow(SealedValueTamperedError);
      await expect(vault.unseal({ ...sealed, iv: flipFirstBit(sealed.iv) })).rejects.toThrow(SealedValueTamperedError);
    });

    it('throws on a truncated tag or ciphertext', async () => {
      const sealed = await vault.seal('coodyssee', 'e-001', person);
      const shortTag = Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64');
      await expect(vault.unseal({ ...sealed, tag: shortTag })).rejects.toThrow(SealedValueTamperedError);
      const shortText = Buffer.from(sealed.ciphertext, 'base64').subarray(1).toString('base64');
      await expect(vault.unseal({ ...sealed, ciphertext: shortText })).rejects.toThrow(SealedValueTamperedError);
    });
  });

  describe('forgetting', () => {
    it('reads as FORGOTTEN once the key is destroyed, for that person only', async () => {
      const forgotten = await vault.seal('coodyssee', 'e-001', person);
      const kept = await vault.seal('coodyssee', 'e-002', 'Dominique');
      await keys.destroy('coodyssee', 'e-001');
      const value = await vault.unseal(forgotten);
      expect(value).toBe(FORGOTTEN);
      expect(isForgotten(value)).toBe(true);
      expect(await vault.unseal(kept)).toBe('Dominique');
    });

    it('seals under a new key for a person seen again, the old data staying forgotten', async () => {
      const before = await vault.seal('coodyssee', 'e-001', person);
      await keys.destroy('coodyssee', 'e-001');
      const after = await vault.seal('coodyssee', 'e-001', { ...person, city: 'Briançon' });
      expect(after.keyId).not.toBe(before.keyId);
      expect(await vault.unseal(before)).toBe(FORGOTTEN);
      expect(await vault.unseal(after)).toEqual({ ...person, city: 'Briançon' });
    });
  });
});
