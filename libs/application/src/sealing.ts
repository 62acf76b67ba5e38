import { PERSONAL_FIELDS, personKeyOf, type DomainEvent } from '../../domain';
import { isSealed, type PersonalDataVault } from '../../personal-data';

type Data = Record<string, unknown>;

const getPath = (data: Data, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Data)[key] : undefined), data);

/** A copy of `data` with the value at `path` replaced (the original event is left untouched). */
const setPath = (data: Data, path: readonly string[], value: unknown): Data => {
  const [head, ...rest] = path as [string, ...string[]];
  return { ...data, [head]: rest.length === 0 ? value : setPath((data[head] ?? {}) as Data, rest, value) };
};

/** Replaces every personal field of an event by its ciphertext under the person's key. */
export const sealPersonalFields = async (event: DomainEvent, vault: PersonalDataVault): Promise<Data> => {
  let data = event.data as unknown as Data;
  for (const field of PERSONAL_FIELDS[event.type] ?? []) {
    const value = getPath(data, field.path);
    if (value === undefined || isSealed(value)) continue;
    data = setPath(data, field.path, await vault.seal(data['caeId'] as string, personKeyOf(field, data), value));
  }
  return data;
};

/** Whether stored event data holds a sealed personal field (most events hold none: they open without the vault). */
export const holdsSealedFields = (type: string, data: Data): boolean =>
  (PERSONAL_FIELDS[type as DomainEvent['type']] ?? []).some((field) => isSealed(getPath(data, field.path)));

/** Opens every personal field of stored event data; a forgotten person's fields read `[forgotten]`. */
export const openPersonalFields = async (type: string, data: Data, vault: PersonalDataVault): Promise<Data> => {
  let opened = data;
  for (const field of PERSONAL_FIELDS[type as DomainEvent['type']] ?? []) {
    const value = getPath(opened, field.path);
    if (isSealed(value)) opened = setPath(opened, field.path, await vault.unseal(value));
  }
  return opened;
};
